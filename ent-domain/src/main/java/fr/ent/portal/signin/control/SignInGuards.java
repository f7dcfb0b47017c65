package fr.ent.portal.signin.control;

import java.time.Instant;
import java.util.Optional;

/**
 * The cheap checks a sign-in passes, in this order, before its one secret check ({@link SecretCheck}): a blank
 * form, the address's rate, then the hold of the identifier (or trusted device), counted before the hash in one
 * atomic step so that parallel guesses run at most the threshold's number of hashes. Each refuses on its own and
 * names the reason the audit trail records; attack traffic never reaches the admission queue. The admission guard
 * (the priority of the hash slot) is {@code Admission.priorityOf}; the account-state guard is
 * {@link SecretCheck.Held}.
 */
public final class SignInGuards {

    /** A guard said no: the reason for the audit trail, or null when nothing is worth recording (a blank form). */
    public record Refusal(String auditReason) {

        static final Refusal BLANK = new Refusal(null);
        static final Refusal IP_RATE_LIMITED = new Refusal("ip-rate-limited");
        static final Refusal HELD = new Refusal("held");

        /** True when the refusal is written to the audit trail. */
        public boolean audited() {
            return auditReason != null;
        }
    }

    private final IpRateLimiter ipRate;
    private final SignInThrottle throttle;

    public SignInGuards(IpRateLimiter ipRate, SignInThrottle throttle) {
        this.ipRate = ipRate;
        this.throttle = throttle;
    }

    /** An empty identifier key or secret: refused before anything is counted. */
    public static Optional<Refusal> blank(String identifierKey, char[] secret) {
        return identifierKey == null || identifierKey.isEmpty() || secret == null || secret.length == 0
                ? Optional.of(Refusal.BLANK) : Optional.empty();
    }

    /** Takes one token of the address's bucket; refused when it is empty (before any database read). */
    public Optional<Refusal> ipRate(String ip, Instant now) {
        return ipRate.tryAcquire(ip, now) ? Optional.empty() : Optional.of(Refusal.IP_RATE_LIMITED);
    }

    /**
     * Counts the attempt against {@code key}'s hold (the trusted device's own count when {@code deviceId} is given),
     * atomically with the hold check. The caller refunds or settles it after the secret check.
     */
    public SignInThrottle.Attempt count(String key, String deviceId, Instant now) {
        return throttle.begin(key, deviceId, now);
    }

    /** The hold guard's verdict on a counted attempt. */
    public static Optional<Refusal> held(SignInThrottle.Attempt counted) {
        return counted.allowed() ? Optional.empty() : Optional.of(Refusal.HELD);
    }
}
