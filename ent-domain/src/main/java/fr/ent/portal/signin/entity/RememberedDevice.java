package fr.ent.portal.signin.entity;

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

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;

/**
 * A browser whose owner ticked "stay signed in on this device": its long-lived token (only the SHA-256 kept) signs
 * the owner in without a password until it expires, is forgotten, or the account ends all its sessions after the
 * device was remembered (sign out everywhere, password reset, re-issued code).
 */
@Entity
@Table(name = "remembered_device")
@SequenceGenerator(name = "remembered_device_seq", sequenceName = "remembered_device_seq", allocationSize = 50)
@NamedQuery(name = RememberedDevice.BY_TOKEN_HASH,
        query = "select d from RememberedDevice d join fetch d.account where d.tokenHash = :tokenHash")
@NamedQuery(name = RememberedDevice.BY_CURRENT_OR_PREVIOUS_TOKEN_HASH,
        query = "select d from RememberedDevice d join fetch d.account"
                + " where d.tokenHash = :tokenHash or d.previousTokenHash = :tokenHash")
@NamedQuery(name = RememberedDevice.ACTIVE_OF_ACCOUNT,
        query = "select d from RememberedDevice d where d.account.id = :accountId and d.revokedAt is null"
                + " and d.expiresAt > :now order by d.lastUsedAt desc")
@NamedQuery(name = RememberedDevice.REVOKE_ALL_OF_ACCOUNT,
        query = "update RememberedDevice d set d.revokedAt = :now, d.version = d.version + 1"
                + " where d.account.id = :accountId and d.revokedAt is null")
public class RememberedDevice {

    public static final String BY_TOKEN_HASH = "RememberedDevice.byTokenHash";
    public static final String BY_CURRENT_OR_PREVIOUS_TOKEN_HASH = "RememberedDevice.byCurrentOrPreviousTokenHash";
    public static final String ACTIVE_OF_ACCOUNT = "RememberedDevice.activeOfAccount";
    public static final String REVOKE_ALL_OF_ACCOUNT = "RememberedDevice.revokeAllOfAccount";
    public static final int MAX_LABEL = 80;

    /** What a device is worth when its token comes back. */
    public enum State { VALID, EXPIRED, REVOKED, SESSIONS_ENDED, ACCOUNT_DISABLED, STEPS_PENDING }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remembered_device_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    /** The token's hash before the last rotation (issue 20): a reused old token revokes the device. */
    @Column(name = "previous_token_hash", length = 64)
    private String previousTokenHash;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "label", nullable = false, length = MAX_LABEL)
    private String label;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    /** When this browser's sign-in last passed a second factor (issue 24), null if never. */
    @Column(name = "factor_at")
    private Instant factorAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected RememberedDevice() {
        // JPA
    }

    public RememberedDevice(Account account, String tokenHash, String label, Instant now, Duration validity) {
        this.account = Objects.requireNonNull(account, "account");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.label = normalizedLabel(label);
        this.createdAt = Objects.requireNonNull(now, "now");
        this.lastUsedAt = now;
        this.expiresAt = now.plus(validity);
    }

    /** What the device is worth at {@code now}, checked in this order. */
    public State stateAt(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return State.EXPIRED;
        }
        if (!account.isSessionValid(createdAt)) {
            return State.SESSIONS_ENDED;
        }
        if (account.status() == AccountStatus.DISABLED) {
            return State.ACCOUNT_DISABLED;
        }
        if (account.status() != AccountStatus.ACTIVE || account.hasBlockingPendingActions()) {
            return State.STEPS_PENDING;
        }
        return State.VALID;
    }

    /** Signs in with it: last use now (the validity is not extended: the owner signs in again every period). */
    public State use(Instant now) {
        State state = stateAt(now);
        if (state == State.VALID) {
            lastUsedAt = now;
        }
        return state;
    }

    /**
     * After a sign-in with the current token: the browser gets a new one ({@code newTokenHash} is its SHA-256); the
     * one it brought becomes the previous token.
     */
    public void rotate(String newTokenHash, Instant now) {
        previousTokenHash = tokenHash;
        tokenHash = Objects.requireNonNull(newTokenHash, "newTokenHash");
        rotatedAt = Objects.requireNonNull(now, "now");
    }

    private static String normalizedLabel(String label) {
        String l = label == null || label.isBlank() ? "?" : label.strip();
        return l.length() > MAX_LABEL ? l.substring(0, MAX_LABEL) : l;
    }

    /** True when a browser of this label (as {@code DeviceLabel} gives it) is the kind of browser remembered. */
    public boolean labelledAs(String label) {
        return this.label.equals(normalizedLabel(label));
    }

    /** True when {@code tokenHash} is the current token's. */
    public boolean isCurrent(String tokenHash) {
        return this.tokenHash.equals(tokenHash);
    }

    /** True when {@code tokenHash} is the token the last rotation replaced. */
    public boolean isPrevious(String tokenHash) {
        return previousTokenHash != null && previousTokenHash.equals(tokenHash);
    }

    /**
     * The previous token still signs in this browser for {@code grace} after the rotation: tabs of one browser restored
     * together all bring the token they had, before any of them got the new one. Later, it is a reused old token.
     * A request whose {@code now} is before the rotation (it started first, then waited for the device's lock while
     * another tab rotated) carried the token that was current when it started: graced too.
     */
    public boolean previousStillGraced(Instant now, Duration grace) {
        return rotatedAt != null && now.isBefore(rotatedAt.plus(grace));
    }

    /** Forgotten by its owner (or voided): never signs in again. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = Objects.requireNonNull(now, "now");
        }
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String label() {
        return label;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The sign-in that remembered this browser passed a second factor now. */
    public void factorGiven(Instant now) {
        factorAt = now;
    }

    /** When a second factor was last given on this browser, null if never. */
    public Instant factorAt() {
        return factorAt;
    }
}
