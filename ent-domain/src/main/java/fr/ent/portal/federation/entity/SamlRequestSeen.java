package fr.ent.portal.federation.entity;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A request ID a service provider already used (replay refused until {@code expiresAt}). */
@Entity
@Table(name = "saml_request_seen")
@IdClass(SamlRequestSeen.Key.class)
public class SamlRequestSeen {

    /** Composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String spEntityId;
        private String requestId;

        public Key() {
        }

        public Key(String spEntityId, String requestId) {
            this.spEntityId = spEntityId;
            this.requestId = requestId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(spEntityId, key.spEntityId)
                    && java.util.Objects.equals(requestId, key.requestId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(spEntityId, requestId);
        }
    }

    @Id
    @Column(name = "sp_entity_id", length = 500, nullable = false, updatable = false)
    private String spEntityId;

    @Id
    @Column(name = "request_id", length = 128, nullable = false, updatable = false)
    private String requestId;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    protected SamlRequestSeen() {
    }

    public SamlRequestSeen(String spEntityId, String requestId, Instant expiresAt) {
        this.spEntityId = spEntityId;
        this.requestId = requestId;
        this.expiresAt = expiresAt;
    }
}
