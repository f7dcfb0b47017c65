package fr.ent.portal.federation.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An authorization code, by the SHA-256 of its value: bound to its client, redirect URI and PKCE challenge, valid for
 * a few seconds and spent at its first redemption (whatever the outcome). In the database, so any node redeems it.
 */
@Entity
@Table(name = "oidc_code")
public class AuthorizationCode extends GrantedValue {

    @Id
    @Column(name = "code_hash", length = 64, nullable = false, updatable = false)
    private String codeHash;

    @Column(name = "redirect_uri", length = 2000, nullable = false, updatable = false)
    private String redirectUri;

    @Column(name = "nonce", length = 300, updatable = false)
    private String nonce;

    @Column(name = "code_challenge", length = 128, updatable = false)
    private String codeChallenge;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, Grant grant, String redirectUri, String nonce, String codeChallenge,
                             Instant expiresAt) {
        super(grant, expiresAt);
        this.codeHash = codeHash;
        this.redirectUri = redirectUri;
        this.nonce = nonce;
        this.codeChallenge = codeChallenge;
    }

    /**
     * Spends the code: true only the first time and before its expiry. A second call answers false (a replay).
     */
    public boolean spend(Instant now) {
        if (usedAt != null) {
            return false;
        }
        usedAt = now;
        return unexpiredAt(now);
    }

    public boolean wasUsed() {
        return usedAt != null;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String nonce() {
        return nonce;
    }

    public String codeChallenge() {
        return codeChallenge;
    }
}
