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

import fr.ent.portal.account.entity.Account;

/** One single-use recovery code of an account: only its SHA-256 kept; spent once ({@code used_at}). */
@Entity
@Table(name = "recovery_code")
@SequenceGenerator(name = "recovery_code_seq", sequenceName = "recovery_code_seq", allocationSize = 50)
@NamedQuery(name = RecoveryCode.SPEND, query = "update RecoveryCode c set c.usedAt = :now"
        + " where c.account.id = :accountId and c.codeHash = :codeHash and c.usedAt is null")
@NamedQuery(name = RecoveryCode.USED, query = "select count(c) from RecoveryCode c"
        + " where c.account.id = :accountId and c.codeHash = :codeHash and c.usedAt is not null")
@NamedQuery(name = RecoveryCode.LEFT, query = "select count(c) from RecoveryCode c"
        + " where c.account.id = :accountId and c.usedAt is null")
@NamedQuery(name = RecoveryCode.DELETE_OF_ACCOUNT, query = "delete from RecoveryCode c where c.account.id = :accountId")
public class RecoveryCode {

    /** Spends a code: 1 row changed = accepted (atomic: a code used twice at once works once). */
    public static final String SPEND = "RecoveryCode.spend";
    public static final String USED = "RecoveryCode.used";
    public static final String LEFT = "RecoveryCode.left";
    public static final String DELETE_OF_ACCOUNT = "RecoveryCode.deleteOfAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recovery_code_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "code_hash", nullable = false, length = 64, updatable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    public RecoveryCode(Account account, String codeHash, Instant now) {
        this.account = Objects.requireNonNull(account);
        this.codeHash = Objects.requireNonNull(codeHash);
        this.createdAt = Objects.requireNonNull(now);
    }
}
