package fr.ent.portal.mfa.entity;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A WebAuthn challenge the server issued, kept (its SHA-256 only) until it is spent once or expires: a registration's
 * for one account, a sign-in's for whoever answers. In the database, so that any node takes the answer.
 */
@Entity
@Table(name = "passkey_challenge")
@NamedQuery(name = PasskeyChallenge.SPEND, query = "delete from PasskeyChallenge c where c.challengeHash = :hash"
        + " and c.purpose = :purpose and c.expiresAt > :now and (c.accountId = :accountId or c.accountId is null)")
@NamedQuery(name = PasskeyChallenge.PURGE, query = "delete from PasskeyChallenge c where c.expiresAt <= :now")
public class PasskeyChallenge {

    /** Spends a challenge: 1 row deleted = valid and now used (atomic: an assertion replayed finds nothing). */
    public static final String SPEND = "PasskeyChallenge.spend";
    public static final String PURGE = "PasskeyChallenge.purge";

    public enum Purpose { REGISTER, SIGN_IN }

    @Id
    @Column(name = "challenge_hash", length = 64)
    private String challengeHash;

    @Column(name = "purpose", nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Purpose purpose;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PasskeyChallenge() {
    }

    public PasskeyChallenge(String challengeHash, Purpose purpose, Long accountId, Instant expiresAt) {
        this.challengeHash = Objects.requireNonNull(challengeHash);
        this.purpose = Objects.requireNonNull(purpose);
        this.accountId = accountId;
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }
}
