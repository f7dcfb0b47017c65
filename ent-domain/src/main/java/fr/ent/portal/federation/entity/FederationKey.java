package fr.ent.portal.federation.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A signing key of the federation (ID tokens, SAML messages), shared by every node: the public JWK in clear, the private
 * JWK sealed with the key-encryption key ({@code ent.federation.key-encryption-key}). Every key whose
 * {@code retireAfter} is empty or still ahead is published, so that tokens signed just before a rotation still verify;
 * a key signs from {@code signsFrom} (a rotation's key: once every node publishes it), and the published key with the
 * latest {@code signsFrom} not in the future is the one that signs ({@code control.KeySchedule}).
 */
@Entity
@Table(name = "federation_key")
@NamedQuery(name = FederationKey.PUBLISHED,
        query = "select k from FederationKey k where k.retireAfter is null or k.retireAfter > :now order by k.createdAt desc")
public class FederationKey {

    public static final String PUBLISHED = "FederationKey.published";

    @Id
    @Column(name = "kid", length = 64, nullable = false, updatable = false)
    private String kid;

    /** Optimistic locking: the entity changes after its creation (issue 22 item 4). */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "algorithm", length = 16, nullable = false, updatable = false)
    private String algorithm;

    @Column(name = "public_jwk", length = 4000, nullable = false, updatable = false)
    private String publicJwk;

    @Column(name = "private_sealed", length = 8000, nullable = false, updatable = false)
    private String privateSealed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "retire_after")
    private Instant retireAfter;

    /** When it starts signing (null in rows written before V18_20: from its creation). */
    @Column(name = "signs_from", updatable = false)
    private Instant signsFrom;

    protected FederationKey() {
    }

    public FederationKey(String kid, String algorithm, String publicJwk, String privateSealed, Instant createdAt) {
        this(kid, algorithm, publicJwk, privateSealed, createdAt, createdAt);
    }

    /** A key published from {@code createdAt} that signs from {@code signsFrom} (not before its creation). */
    public FederationKey(String kid, String algorithm, String publicJwk, String privateSealed, Instant createdAt,
                         Instant signsFrom) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicJwk = publicJwk;
        this.privateSealed = privateSealed;
        this.createdAt = createdAt;
        this.signsFrom = signsFrom.isBefore(createdAt) ? createdAt : signsFrom;
    }

    /** Stays published until {@code until} (the overlap after the key that replaces it starts signing). */
    public void retire(Instant until) {
        if (retireAfter == null || until.isBefore(retireAfter)) {
            retireAfter = until;
        }
    }

    /** Published at {@code instant}: not retired, or retired after it. */
    public boolean publishedAt(Instant instant) {
        return retireAfter == null || retireAfter.isAfter(instant);
    }

    public Instant signsFrom() {
        return signsFrom == null ? createdAt : signsFrom;
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String privateSealed() {
        return privateSealed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant retireAfter() {
        return retireAfter;
    }

    @Override
    public String toString() {
        return "FederationKey[" + kid + ", " + algorithm + ", created " + createdAt + "]";
    }
}
