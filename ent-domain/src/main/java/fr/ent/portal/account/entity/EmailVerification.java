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
 * A link mailed to a recovery email to prove the holder reads it. Only the token's SHA-256 is kept;
 * the link works once, before it expires, and only while the account still has that email.
 */
@Entity
@Table(name = "email_verification")
@SequenceGenerator(name = "email_verification_seq", sequenceName = "email_verification_seq", allocationSize = 50)
@NamedQuery(name = EmailVerification.BY_TOKEN_HASH,
        query = "select v from EmailVerification v join fetch v.account where v.tokenHash = :tokenHash")
@NamedQuery(name = EmailVerification.VOID_OPEN_OF_ACCOUNT,
        query = "update EmailVerification v set v.usedAt = :now where v.account = :account and v.usedAt is null")
@NamedQuery(name = EmailVerification.COUNT_SINCE,
        query = "select count(v) from EmailVerification v where v.account = :account and v.createdAt >= :since")
public class EmailVerification {

    /** Links mailed to {@code account} since {@code since} (one per recovery email change). */
    public static final String COUNT_SINCE = "EmailVerification.countSince";

    public static final String BY_TOKEN_HASH = "EmailVerification.byTokenHash";
    public static final String VOID_OPEN_OF_ACCOUNT = "EmailVerification.voidOpenOfAccount";

    public enum Outcome { VERIFIED, EXPIRED, ALREADY_USED, EMAIL_CHANGED, ACCOUNT_DISABLED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_verification_seq")
    private Long id;

    /** Optimistic locking: the entity changes after its creation (issue 22 item 4). */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "email", nullable = false, length = 254, updatable = false)
    private String email;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected EmailVerification() {
        // JPA
    }

    public EmailVerification(Account account, String tokenHash, Instant now, Duration validity) {
        this.account = Objects.requireNonNull(account, "account");
        this.email = Objects.requireNonNull(account.recoveryEmail(), "the account has no recovery email");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = now;
        this.expiresAt = now.plus(validity);
    }

    /** Uses the link: on success the account's email is verified. Any use, good or not, spends the link. */
    public Outcome use(Instant now) {
        if (usedAt != null) {
            return Outcome.ALREADY_USED;
        }
        usedAt = now;
        if (!now.isBefore(expiresAt)) {
            return Outcome.EXPIRED;
        }
        if (account.status() == AccountStatus.DISABLED) {
            return Outcome.ACCOUNT_DISABLED;
        }
        if (!email.equals(account.recoveryEmail())) {
            return Outcome.EMAIL_CHANGED;
        }
        account.markEmailVerified(now);
        return Outcome.VERIFIED;
    }

    public Account account() {
        return account;
    }

    public String email() {
        return email;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
