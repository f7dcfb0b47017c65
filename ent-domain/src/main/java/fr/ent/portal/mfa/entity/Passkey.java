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
 * A passkey (WebAuthn credential) of an account: its credential id, the public key and its data as webauthn4j
 * serialises them, the signature counter last seen (a counter that goes backwards is a cloned authenticator), a name
 * the owner chose, when it was added and last used.
 */
@Entity
@Table(name = "passkey")
@SequenceGenerator(name = "passkey_seq", sequenceName = "passkey_seq", allocationSize = 50)
@NamedQuery(name = Passkey.BY_CREDENTIAL_ID,
        query = "select p from Passkey p join fetch p.account where p.credentialId = :credentialId")
@NamedQuery(name = Passkey.OF_ACCOUNT,
        query = "select p from Passkey p where p.account.id = :accountId order by p.createdAt")
@NamedQuery(name = Passkey.DELETE_OF_ACCOUNT, query = "delete from Passkey p where p.account.id = :accountId")
public class Passkey {

    public static final String BY_CREDENTIAL_ID = "Passkey.byCredentialId";
    public static final String OF_ACCOUNT = "Passkey.ofAccount";
    public static final String DELETE_OF_ACCOUNT = "Passkey.deleteOfAccount";
    public static final int MAX_NAME = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "passkey_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    /** Base64url, as the browser gives it. */
    @Column(name = "credential_id", nullable = false, length = 1400, updatable = false)
    private String credentialId;

    /** Base64url of webauthn4j's attested credential data (credential id, AAGUID, COSE public key). */
    @Column(name = "credential_data", nullable = false, length = 4000, updatable = false)
    private String credentialData;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(name = "name", nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Version
    private long version;

    protected Passkey() {
    }

    public Passkey(Account account, String credentialId, String credentialData, long signCount, String name,
                   Instant now) {
        this.account = Objects.requireNonNull(account);
        this.credentialId = Objects.requireNonNull(credentialId);
        this.credentialData = Objects.requireNonNull(credentialData);
        this.signCount = signCount;
        this.name = Objects.requireNonNull(name);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** A verified sign-in: the counter the authenticator gave, and when. */
    public void used(long newSignCount, Instant now) {
        signCount = newSignCount;
        lastUsedAt = now;
    }

    public Long id() { return id; }
    public Account account() { return account; }
    public String credentialId() { return credentialId; }
    public String credentialData() { return credentialData; }
    public long signCount() { return signCount; }
    public String name() { return name; }
    public Instant createdAt() { return createdAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
}
