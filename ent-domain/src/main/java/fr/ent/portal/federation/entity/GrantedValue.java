package fr.ent.portal.federation.entity;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The shape the three OpenID Connect values share (an authorization code, an access token, a refresh token): stored
 * by the SHA-256 of their value (the id of each entity), the {@link Grant} they carry and when they expire. The columns
 * are the same in the three tables (V17_5).
 */
@MappedSuperclass
public abstract class GrantedValue {

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

    protected GrantedValue() {
    }

    protected GrantedValue(Grant grant, Instant expiresAt) {
        Objects.requireNonNull(grant, "grant");
        this.clientId = grant.clientId();
        this.accountId = grant.accountId();
        this.establishmentId = grant.establishmentId();
        this.scope = grant.scope();
        this.authTime = grant.authTime();
        this.amr = grant.amr();
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public Grant grant() {
        return new Grant(clientId, accountId, establishmentId, scope, authTime, amr);
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

    /** True before the expiry instant (excluded). */
    protected boolean unexpiredAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
