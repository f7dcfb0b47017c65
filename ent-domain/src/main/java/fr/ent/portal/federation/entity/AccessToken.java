package fr.ent.portal.federation.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An access token for {@code /oidc/userinfo}, by the SHA-256 of its (opaque) value. */
@Entity
@Table(name = "oidc_access_token")
@NamedQuery(name = AccessToken.REVOKE_ACCOUNT_CLIENT, query = "update AccessToken t set t.revokedAt = :now"
        + " where t.accountId = :account and t.clientId = :client and t.revokedAt is null")
public class AccessToken extends GrantedValue {

    public static final String REVOKE_ACCOUNT_CLIENT = "AccessToken.revokeAccountClient";

    @Id
    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccessToken() {
    }

    public AccessToken(String tokenHash, Grant grant, Instant expiresAt) {
        super(grant, expiresAt);
        this.tokenHash = tokenHash;
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && unexpiredAt(now);
    }
}
