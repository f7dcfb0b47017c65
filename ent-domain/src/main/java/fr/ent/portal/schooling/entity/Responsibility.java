package fr.ent.portal.schooling.entity;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.platform.BusinessException;

/**
 * A legal representative of a pupil, as declared by the school. The representative attaches the pupil to
 * their account by confirming it ({@link #attach}); failed attempts are counted and may suspend it.
 */
@Entity
@Table(name = "responsibility")
@SequenceGenerator(name = "responsibility_seq", sequenceName = "responsibility_seq", allocationSize = 50)
@NamedQuery(name = Responsibility.OF_REPRESENTATIVE,
        query = "select r from Responsibility r join fetch r.pupil where r.representative = :representative"
                + " order by r.pupil.lastName, r.pupil.firstName")
public class Responsibility {

    /** The responsibilities of a representative (parameter {@code representative}), with their pupils. */
    public static final String OF_REPRESENTATIVE = "Responsibility.ofRepresentative";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "responsibility_seq")
    private Long id;

    @Version
    private long version;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "representative_id", nullable = false)
    private Account representative;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pupil_id", nullable = false)
    private Account pupil;

    @NotNull
    @Column(name = "declared_at", nullable = false, updatable = false)
    private Instant declaredAt;

    /** When the representative confirmed it; null until then. */
    @Column(name = "attached_at")
    private Instant attachedAt;

    @PositiveOrZero
    @Column(name = "attachment_failure_count", nullable = false)
    private int attachmentFailureCount;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    protected Responsibility() {
        // JPA
    }

    /** The school declares {@code representative} responsible for {@code pupil}. */
    public Responsibility(Account representative, Account pupil, Instant declaredAt) {
        if (representative.profile() != Profile.LEGAL_REPRESENTATIVE) {
            throw new BusinessException("responsibility.notARepresentative", representative.identifier());
        }
        if (pupil.profile() != Profile.PUPIL) {
            throw new BusinessException("responsibility.notAPupil", pupil.identifier());
        }
        this.representative = representative;
        this.pupil = pupil;
        this.declaredAt = Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** The representative confirmed the pupil; refused while suspended. Attaching twice keeps the first time. */
    public void attach(Instant at) {
        if (isSuspended()) {
            throw new BusinessException("responsibility.suspended");
        }
        if (attachedAt == null) {
            attachedAt = Objects.requireNonNull(at, "at");
            attachmentFailureCount = 0;
        }
    }

    /** A failed attempt to attach (wrong pupil details); from {@code threshold} failures it is suspended. */
    public void recordAttachmentFailure(Instant at, int threshold) {
        attachmentFailureCount++;
        if (attachmentFailureCount >= threshold && suspendedAt == null) {
            suspendedAt = Objects.requireNonNull(at, "at");
        }
    }

    /** The school lifts a suspension. */
    public void lift() {
        suspendedAt = null;
        attachmentFailureCount = 0;
    }

    public boolean isAttached() {
        return attachedAt != null;
    }

    public boolean isSuspended() {
        return suspendedAt != null;
    }

    public Long id() {
        return id;
    }

    public Account representative() {
        return representative;
    }

    public Account pupil() {
        return pupil;
    }

    public Instant declaredAt() {
        return declaredAt;
    }

    public Instant attachedAt() {
        return attachedAt;
    }

    public int attachmentFailureCount() {
        return attachmentFailureCount;
    }

    public Instant suspendedAt() {
        return suspendedAt;
    }
}
