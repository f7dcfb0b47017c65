package fr.ent.portal.federation.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A refresh token, by the SHA-256 of its value. Each use rotates it: this one is spent and a new one of the same
 * family is issued. A spent token presented again means it leaked: the whole family is revoked.
 */
@Entity
@Table(name = "oidc_refresh")
@NamedQuery(name = RefreshToken.REVOKE_FAMILY,
        query = "update RefreshToken t set t.revokedAt = :now where t.family = :family and t.revokedAt is null")
@NamedQuery(name = RefreshToken.REVOKE_ACCOUNT_CLIENT, query = "update RefreshToken t set t.revokedAt = :now"
        + " where t.accountId = :account and t.clientId = :client and t.revokedAt is null")
public class RefreshToken {

    public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
    public static final String REVOKE_ACCOUNT_CLIENT = "RefreshToken.revokeAccountClient";

    /** What a presented token is worth. */
    public enum Use { ROTATED, REUSED, EXPIRED, REVOKED }

    @Id
    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "family", length = 64, nullable = false, updatable = false)
    private String family;

    @Column(name = "client_id", length = 64, nullable = false, updatable = false)
    private String clientId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "establishment_id", updatable = false)
    private Long establishmentId;

    @Column(name = "scope", length = 300, nullable = false, updatable = false)
    private String scope;

    @Column(name = "auth_time", nullable = false, updatable = false)
    private Instant authTime;

    @Column(name = "amr", length = 32, nullable = false, updatable = false)
    private String amr;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, String family, Grant grant, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.family = family;
        this.clientId = grant.clientId();
        this.accountId = grant.accountId();
        this.establishmentId = grant.establishmentId();
        this.scope = grant.scope();
        this.authTime = grant.authTime();
        this.amr = grant.amr();
        this.expiresAt = expiresAt;
    }

    /** Spends the token for a rotation; says why not when it may not rotate. */
    public Use use(Instant now) {
        if (revokedAt != null) {
            return Use.REVOKED;
        }
        if (usedAt != null) {
            return Use.REUSED;
        }
        usedAt = now;
        return now.isBefore(expiresAt) ? Use.ROTATED : Use.EXPIRED;
    }

    public Grant grant() {
        return new Grant(clientId, accountId, establishmentId, scope, authTime, amr);
    }

    public String family() {
        return family;
    }

    public String clientId() {
        return clientId;
    }

    public long accountId() {
        return accountId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
