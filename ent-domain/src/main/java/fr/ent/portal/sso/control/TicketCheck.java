package fr.ent.portal.sso.control;

import java.time.Instant;
import java.util.Optional;

/** What a ticket taken from the store is worth for a validation request (the CAS error code follows from it). */
public enum TicketCheck {
    VALID(null),
    /** Never issued, already used, forged, a proxy ticket: {@code INVALID_TICKET}. */
    UNKNOWN("INVALID_TICKET"),
    EXPIRED("INVALID_TICKET"),
    /** Issued for another service URL: {@code INVALID_SERVICE} (the ticket is spent all the same). */
    OTHER_SERVICE("INVALID_SERVICE"),
    /** {@code renew=true} asked for a ticket from a fresh sign-in and this one came from single sign-on. */
    NOT_FROM_NEW_LOGIN("INVALID_TICKET");

    private final String casCode;

    TicketCheck(String casCode) {
        this.casCode = casCode;
    }

    public String casCode() {
        return casCode;
    }

    public static TicketCheck of(Optional<ServiceTicket> ticket, String service, boolean renew, Instant now) {
        if (ticket.isEmpty()) {
            return UNKNOWN;
        }
        ServiceTicket t = ticket.get();
        if (t.expiredAt(now)) {
            return EXPIRED;
        }
        if (!t.service().equals(service)) {
            return OTHER_SERVICE;
        }
        if (renew && !t.fromNewLogin()) {
            return NOT_FROM_NEW_LOGIN;
        }
        return VALID;
    }
}
