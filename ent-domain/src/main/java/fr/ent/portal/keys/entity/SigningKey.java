package fr.ent.portal.keys.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A master signing key, generated once and shared by every node (table {@code signing_key}). Never changes. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @Column(name = "name", length = 32, nullable = false, updatable = false)
    private String name;

    /** Base64 of the key bytes. */
    @Column(name = "key_value", length = 100, nullable = false, updatable = false)
    private String keyValue;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SigningKey() {
    }

    public SigningKey(String name, String keyValue, Instant createdAt) {
        this.name = name;
        this.keyValue = keyValue;
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public String keyValue() {
        return keyValue;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "SigningKey[" + name + ", created " + createdAt + "]";
    }
}
