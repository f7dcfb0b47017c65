package fr.ent.portal.account.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A link mailed to a verified recovery email to choose a new password. Only the token's SHA-256 is kept; the
 * link works once, before it expires, while the account is not disabled; a newer link or a password change
 * voids it.
 */
@Entity
@Table(name = "password_reset")
@SequenceGenerator(name = "password_reset_seq", sequenceName = "password_reset_seq", allocationSize = 50)
@NamedQuery(name = PasswordReset.BY_TOKEN_HASH,
        query = "select r from PasswordReset r join fetch r.account where r.tokenHash = :tokenHash")
@NamedQuery(name = PasswordReset.VOID_OPEN_OF_ACCOUNT,
        query = "update PasswordReset r set r.usedAt = :now where r.account = :account and r.usedAt is null")
@NamedQuery(name = PasswordReset.COUNT_SINCE,
        query = "select count(r) from PasswordReset r where r.account = :account and r.createdAt >= :since")
public class PasswordReset {

    public static final String BY_TOKEN_HASH = "PasswordReset.byTokenHash";
    public static final String VOID_OPEN_OF_ACCOUNT = "PasswordReset.voidOpenOfAccount";
    /** Links issued to {@code account} since {@code since}. */
    public static final String COUNT_SINCE = "PasswordReset.countSince";

    /** What a link is worth when it is opened or used. */
    public enum State { VALID, EXPIRED, ALREADY_USED, ACCOUNT_DISABLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "password_reset_seq")
    private Long id;

    /** Optimistic locking: the entity changes after its creation (issue 22 item 4). */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {
        // JPA
    }

    public PasswordReset(Account account, String tokenHash, Instant now, Duration validity) {
        this.account = Objects.requireNonNull(account, "account");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.expiresAt = now.plus(validity);
    }

    /** What the link is worth at {@code now}, without spending it (to show the form or a clear refusal). */
    public State stateAt(Instant now) {
        if (usedAt != null) {
            return State.ALREADY_USED;
        }
        if (!now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        if (account.status() == AccountStatus.DISABLED) {
            return State.ACCOUNT_DISABLED;
        }
        return State.VALID;
    }

    /** Spends the link on a new password (hash); refused links change nothing and return their state. */
    public State use(String newPasswordHash, Instant now) {
        State state = stateAt(now);
        if (state == State.VALID) {
            usedAt = now;
            account.resetPassword(newPasswordHash, now);
        }
        return state;
    }

    public Account account() {
        return account;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
