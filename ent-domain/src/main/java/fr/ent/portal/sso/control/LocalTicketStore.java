package fr.ent.portal.sso.control;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The tickets in a {@link ConcurrentMap}: this node's memory, or the cluster's shared map ({@code JCacheMap}, whose
 * {@code remove} is one atomic get-and-remove of the grid: a ticket is taken once, on whichever node).
 */
public final class LocalTicketStore implements TicketStore {

    private final ConcurrentMap<String, ServiceTicket> tickets;

    public LocalTicketStore() {
        this(new ConcurrentHashMap<>());
    }

    public LocalTicketStore(ConcurrentMap<String, ServiceTicket> tickets) {
        this.tickets = tickets;
    }

    @Override
    public void put(ServiceTicket ticket) {
        tickets.put(ticket.id(), ticket);
    }

    @Override
    public Optional<ServiceTicket> take(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(tickets.remove(id));
    }

    @Override
    public void purgeExpired(Instant now) {
        tickets.values().removeIf(t -> t.expiredAt(now));
    }

    @Override
    public int size() {
        return tickets.size();
    }
}
