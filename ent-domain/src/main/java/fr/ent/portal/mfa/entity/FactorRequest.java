package fr.ent.portal.mfa.entity;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * When the portal first asked an account that needs a second factor to enrol one: the grace period
 * ({@code ent.mfa.grace}) counts from here. Removed when the account's factors are reset by an administrator.
 */
@Entity
@Table(name = "mfa_enrolment_asked")
public class FactorRequest {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "asked_at", nullable = false, updatable = false)
    private Instant askedAt;

    protected FactorRequest() {
    }

    public FactorRequest(long accountId, Instant askedAt) {
        this.accountId = accountId;
        this.askedAt = Objects.requireNonNull(askedAt);
    }

    public Instant askedAt() {
        return askedAt;
    }
}
