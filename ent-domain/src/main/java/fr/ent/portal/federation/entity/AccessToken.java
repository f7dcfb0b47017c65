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
public class AccessToken {

    public static final String REVOKE_ACCOUNT_CLIENT = "AccessToken.revokeAccountClient";

    @Id
    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

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

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccessToken() {
    }

    public AccessToken(String tokenHash, Grant grant, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.clientId = grant.clientId();
        this.accountId = grant.accountId();
        this.establishmentId = grant.establishmentId();
        this.scope = grant.scope();
        this.authTime = grant.authTime();
        this.amr = grant.amr();
        this.expiresAt = expiresAt;
    }

    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public Grant grant() {
        return new Grant(clientId, accountId, establishmentId, scope, authTime, amr);
    }
}
