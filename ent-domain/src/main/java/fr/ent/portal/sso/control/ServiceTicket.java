package fr.ent.portal.sso.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * A service ticket: issued by {@code /cas/login} for one service URL, redeemed once by that service's validation.
 * Carries what the validation answers: whose it is, for which registered service and establishment, when the
 * person signed in and whether from a sign-in made for this ticket ({@code renew}).
 */
public record ServiceTicket(String id, String service, long serviceId, long accountId, long establishmentId,
                            Instant issuedAt, Instant expiresAt, Instant authenticatedAt, boolean fromNewLogin)
        implements Serializable {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never shows the ticket itself (a bearer secret while valid). */
    @Override
    public String toString() {
        return "ServiceTicket[service " + serviceId + ", account " + accountId + ", expires " + expiresAt + "]";
    }
}
