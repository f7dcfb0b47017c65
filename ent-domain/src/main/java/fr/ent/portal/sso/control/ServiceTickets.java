package fr.ent.portal.sso.control;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service tickets of this portal, in a {@link TicketStore} ({@link LocalTicketStore}: this node's memory; a
 * cluster gives it a shared map). Expired tickets are purged every {@value #PURGE_EVERY} issues, and at once beyond
 * {@value #MAX_WAITING} tickets waiting.
 */
@ApplicationScoped
public class ServiceTickets {

    static final int PURGE_EVERY = 256;
    static final int MAX_WAITING = 100_000;

    private final TicketStore store;
    private final AtomicInteger issued = new AtomicInteger();

    public ServiceTickets() {
        this(new LocalTicketStore());
    }

    public ServiceTickets(TicketStore store) {
        this.store = store;
    }

    public void put(ServiceTicket ticket, Instant now) {
        if (issued.incrementAndGet() % PURGE_EVERY == 0 || store.size() >= MAX_WAITING) {
            store.purgeExpired(now);
        }
        store.put(ticket);
    }

    /** Takes the ticket out (single use); ids of another shape are never looked up. */
    public Optional<ServiceTicket> take(String id) {
        return TicketIds.wellFormed(id) ? store.take(id) : Optional.empty();
    }

    public int waiting() {
        return store.size();
    }
}
