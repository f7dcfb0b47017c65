package fr.ent.portal.sso.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.platform.cluster.SharedState;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The service tickets of this portal, in a {@link TicketStore}: this node's memory on one node, the cluster's shared
 * JCache map {@code ent-cas-tickets} on a cluster ({@link SharedState}), so that a ticket issued by one node is
 * validated on any node, exactly once (the validation takes it out with one atomic remove). In memory, expired tickets
 * are purged every {@value #PURGE_EVERY} issues, and at once beyond {@value #MAX_WAITING} tickets waiting; in the grid,
 * each entry expires by itself a minute after its validity.
 */
@ApplicationScoped
public class ServiceTickets {

    static final int PURGE_EVERY = 256;
    static final int MAX_WAITING = 100_000;

    @Inject
    SharedState shared;

    @Inject
    Settings settings;

    private TicketStore store;
    private boolean purges = true;
    private final AtomicInteger issued = new AtomicInteger();

    public ServiceTickets() {
        this(new LocalTicketStore());
    }

    public ServiceTickets(TicketStore store) {
        this.store = store;
    }

    @PostConstruct
    void connect() {
        if (shared != null && shared.clustered()) {
            Duration keep = settings.getDuration(Setting.CAS_TICKET_VALIDITY).plusMinutes(1);
            store = new LocalTicketStore(shared.map("cas-tickets", ServiceTicket.CODEC, keep));
            purges = false;
        }
    }

    public void put(ServiceTicket ticket, Instant now) {
        if (purges && (issued.incrementAndGet() % PURGE_EVERY == 0 || store.size() >= MAX_WAITING)) {
            store.purgeExpired(now);
        }
        store.put(ticket);
    }

    /** Takes the ticket out (single use, atomic on the cluster too); ids of another shape are never looked up. */
    public Optional<ServiceTicket> take(String id) {
        return TicketIds.wellFormed(id) ? store.take(id) : Optional.empty();
    }

    public int waiting() {
        return store.size();
    }
}
