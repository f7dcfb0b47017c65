package fr.ent.portal.sso.control;

import java.io.Serializable;

/**
 * A ticket a portal session issued, remembered in that session (so, on a cluster, shared like it) for single
 * logout: when the session ends, a ticket not validated yet is voided and the services that asked for it receive a
 * logout request naming the ticket ({@code SessionIndex}).
 */
public record IssuedTicket(String ticketId, String service, long serviceId, long accountId) implements Serializable {

    @Override
    public String toString() {
        return "IssuedTicket[service " + serviceId + "]";
    }
}
