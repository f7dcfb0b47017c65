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
public class RefreshToken extends GrantedValue {

    public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
    public static final String REVOKE_ACCOUNT_CLIENT = "RefreshToken.revokeAccountClient";

    /** What a presented token is worth. */
    public enum Use { ROTATED, REUSED, EXPIRED, REVOKED }

    @Id
    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "family", length = 64, nullable = false, updatable = false)
    private String family;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, String family, Grant grant, Instant expiresAt) {
        super(grant, expiresAt);
        this.tokenHash = tokenHash;
        this.family = family;
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
        return unexpiredAt(now) ? Use.ROTATED : Use.EXPIRED;
    }

    public String family() {
        return family;
    }
}
