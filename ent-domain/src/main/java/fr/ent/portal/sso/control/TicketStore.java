package fr.ent.portal.sso.control;

import java.util.Optional;

/**
 * Where service tickets wait for their validation. {@link LocalTicketStore} keeps them in this node's memory; a
 * cluster replaces it with a shared map (Hazelcast, JCache) behind this interface, since the validation may reach
 * another node than the one that issued the ticket.
 */
public interface TicketStore {

    void put(ServiceTicket ticket);

    /** Removes and returns the ticket: a ticket is taken once, whatever the validation then decides. */
    Optional<ServiceTicket> take(String id);

    /** Forgets tickets whose validity ended before the instant. */
    void purgeExpired(java.time.Instant now);

    int size();
}
