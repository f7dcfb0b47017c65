package fr.ent.portal.sso.control;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import fr.ent.portal.platform.cluster.Codec;

/**
 * A service ticket: issued by {@code /cas/login} for one service URL, redeemed once by that service's validation.
 * Carries what the validation answers: whose it is, for which registered service and establishment, when the
 * person signed in, whether from credentials typed for this very request ({@code renew}, {@code isFromNewLogin}) and
 * whether a remembered device signed the person in ({@code longTermAuthenticationRequestTokenUsed}), and how
 * ({@code amr}: {@link SignInMethod}).
 */
public record ServiceTicket(String id, String service, long serviceId, long accountId, long establishmentId,
                            Instant issuedAt, Instant expiresAt, Instant authenticatedAt, boolean fromNewLogin,
                            boolean longTermUsed, String amr)
        implements Serializable {

    /** Text form for the cluster's shared store (fields joined by {@code |}, the service URL in Base64url). */
    public static final Codec<ServiceTicket> CODEC = new Codec<>() {
        @Override
        public String encode(ServiceTicket t) {
            return String.join("|", t.id, Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(t.service.getBytes(StandardCharsets.UTF_8)), Long.toString(t.serviceId),
                    Long.toString(t.accountId), Long.toString(t.establishmentId), millis(t.issuedAt),
                    millis(t.expiresAt), millis(t.authenticatedAt), t.fromNewLogin ? "1" : "0",
                    t.longTermUsed ? "1" : "0", t.amr);
        }

        @Override
        public ServiceTicket decode(String text) {
            String[] f = text.split("\\|", -1);
            if (f.length != 10 && f.length != 11) {
                throw new IllegalArgumentException("Not a stored service ticket");
            }
            boolean longTermUsed = "1".equals(f[9]);
            // ten fields: put by a node of the version before issue 24 (a rolling update), which knew no method
            String amr = f.length == 11 ? f[10] : SignInMethod.amr(null, longTermUsed);
            return new ServiceTicket(f[0], new String(Base64.getUrlDecoder().decode(f[1]), StandardCharsets.UTF_8),
                    Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), instant(f[5]), instant(f[6]),
                    instant(f[7]), "1".equals(f[8]), longTermUsed, amr);
        }

        private String millis(Instant instant) {
            return Long.toString(instant.toEpochMilli());
        }

        private Instant instant(String millis) {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        }
    };

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never shows the ticket itself (a bearer secret while valid). */
    @Override
    public String toString() {
        return "ServiceTicket[service " + serviceId + ", account " + accountId + ", expires " + expiresAt + "]";
    }
}
