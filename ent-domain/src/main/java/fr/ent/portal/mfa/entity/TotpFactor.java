package fr.ent.portal.mfa.entity;

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

/**
 * An authenticator app (TOTP) of an account: its secret sealed with a key derived from the master key, pending until
 * a first code confirms it, and the last step used, so that each code works once. At most one per account.
 */
@Entity
@Table(name = "totp_factor")
@SequenceGenerator(name = "totp_factor_seq", sequenceName = "totp_factor_seq", allocationSize = 50)
@NamedQuery(name = TotpFactor.OF_ACCOUNT, query = "select f from TotpFactor f where f.account.id = :accountId")
@NamedQuery(name = TotpFactor.USE_STEP, query = "update TotpFactor f set f.lastUsedStep = :step, f.lastUsedAt = :now,"
        + " f.version = f.version + 1 where f.id = :id and (f.lastUsedStep is null or f.lastUsedStep < :step)")
@NamedQuery(name = TotpFactor.DELETE_OF_ACCOUNT, query = "delete from TotpFactor f where f.account.id = :accountId")
public class TotpFactor {

    public static final String OF_ACCOUNT = "TotpFactor.ofAccount";
    /** Spends a step, only if later than the last one spent: 1 row changed = accepted (atomic, any node). */
    public static final String USE_STEP = "TotpFactor.useStep";
    public static final String DELETE_OF_ACCOUNT = "TotpFactor.deleteOfAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "totp_factor_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "sealed_secret", nullable = false, length = 200)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_used_step")
    private Long lastUsedStep;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Version
    private long version;

    protected TotpFactor() {
    }

    public TotpFactor(Account account, String sealedSecret, Instant now) {
        this.account = Objects.requireNonNull(account);
        this.sealedSecret = Objects.requireNonNull(sealedSecret);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** The first right code: the factor now counts, and that code's step is spent. */
    public void confirm(long step, Instant now) {
        if (confirmedAt != null) {
            throw new IllegalStateException("Already confirmed");
        }
        confirmedAt = now;
        lastUsedStep = step;
        lastUsedAt = now;
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public Long id() { return id; }
    public String sealedSecret() { return sealedSecret; }
    public Instant confirmedAt() { return confirmedAt; }
    public Long lastUsedStep() { return lastUsedStep; }
    public Instant lastUsedAt() { return lastUsedAt; }
}
