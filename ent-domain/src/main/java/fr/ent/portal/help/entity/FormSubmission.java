package fr.ent.portal.help.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A help form already acted on: the SHA-256 of the form's name, its anti-forgery token and what was typed. The same
 * form sent again before {@code expiresAt} is the same request (a double click, a reload, the back button), not a new
 * one.
 */
@Entity
@Table(name = "form_submission")
public class FormSubmission {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected FormSubmission() {
    }

    public FormSubmission(String id, Instant expiresAt) {
        this.id = id;
        this.expiresAt = expiresAt;
    }

    /** True while a copy of this form is still the same request. */
    public boolean heldAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The same form, sent again after its window: a new request, held from now. */
    public void renew(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }
}
