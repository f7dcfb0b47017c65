package fr.ent.portal.families.boundary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.families.control.BirthDateAnswer;
import fr.ent.portal.families.entity.HelpNeeded;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;

/**
 * A legal representative attaches the children the schools declared for them by typing each child's birth date.
 * Wrong dates are counted per child; at the configured count the attachment is suspended and the school office is
 * asked to help ({@link HelpNeeded}). Malformed or future dates and children not declared for this representative
 * are refused (and audited) without counting or changing anything.
 */
@Stateless
public class Children {

    public enum Outcome { ATTACHED, WRONG_DATE, SUSPENDED }

    /** What an attempt gave, and how many tries remain before suspension. */
    public record Attempt(Outcome outcome, String firstName, int remaining) {
    }

    /** Longest free text kept for the school office. */
    static final int MAX_TEXT = 1000;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Inject
    Event<HelpNeeded> helpNeeded;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The declared children of a representative (empty for anyone else), by first name in French order. */
    public List<DeclaredChild> declared(long representativeId) {
        LocalDate today = LocalDate.now(clock);
        java.text.Collator french = java.text.Collator.getInstance(java.util.Locale.FRENCH);
        return responsibilities(representativeId).stream()
                .sorted(java.util.Comparator.comparing((Responsibility r) -> r.pupil().firstName(), french))
                .map(r -> {
            Enrollment school = currentEnrollment(r.pupil(), today);
            return new DeclaredChild(r.id(), r.pupil().firstName(),
                    school == null ? null : school.establishment().id(),
                    school == null ? null : school.establishment().name(), r.isAttached(), r.isSuspended());
        }).toList();
    }

    /** True when children declared for this representative still wait for confirmation. */
    public boolean hasChildrenToConfirm(long representativeId) {
        return responsibilities(representativeId).stream().anyMatch(r -> !r.isAttached() && !r.isSuspended());
    }

    /** Confirms a declared child by its birth date. */
    public Attempt attach(long representativeId, long childId, String typedBirthDate, Client client) {
        Account representative = representative(representativeId);
        Responsibility responsibility = declaredFor(representative, childId, client);
        LocalDate birthDate;
        try {
            birthDate = BirthDateAnswer.parse(typedBirthDate, LocalDate.now(clock));
        } catch (InvalidInputException refused) {
            audit(AuditEventType.CHILD_ATTACHMENT_REFUSED, representative, client, "bad_date:" + responsibility.id());
            throw refused;
        }
        if (responsibility.isSuspended()) {
            audit(AuditEventType.CHILD_ATTACHMENT_REFUSED, representative, client, "suspended:" + responsibility.id());
            throw new BusinessException("children.error.suspended", responsibility.pupil().firstName());
        }
        Account pupil = responsibility.pupil();
        Instant now = clock.instant();
        if (birthDate.equals(pupil.birthDate())) {
            responsibility.attach(now);
            audit(AuditEventType.CHILD_ATTACHED, representative, client, "pupil:" + pupil.id());
            return new Attempt(Outcome.ATTACHED, pupil.firstName(), 0);
        }
        int threshold = settings.getInt(Setting.CHILD_ATTACHMENT_MAX_FAILURES);
        responsibility.recordAttachmentFailure(now, threshold);
        audit(AuditEventType.CHILD_ATTACHMENT_FAILED, representative, client, "pupil:" + pupil.id());
        if (responsibility.isSuspended()) {
            audit(AuditEventType.CHILD_ATTACHMENT_SUSPENDED, representative, client, "pupil:" + pupil.id());
            helpNeeded.fire(new HelpNeeded(HelpNeeded.Kind.CHILD_ATTACHMENT_FAILED, representative.id(), pupil.id(),
                    schoolOf(pupil), null));
            return new Attempt(Outcome.SUSPENDED, pupil.firstName(), 0);
        }
        return new Attempt(Outcome.WRONG_DATE, pupil.firstName(),
                Math.max(0, threshold - responsibility.attachmentFailureCount()));
    }

    /** "This is not my child": the school office of the child is asked to check. */
    public void notMyChild(long representativeId, long childId, String text, Client client) {
        Account representative = representative(representativeId);
        Responsibility responsibility = declaredFor(representative, childId, client);
        Account pupil = responsibility.pupil();
        helpNeeded.fire(new HelpNeeded(HelpNeeded.Kind.NOT_MY_CHILD, representative.id(), pupil.id(), schoolOf(pupil),
                cut(text)));
    }

    /**
     * "A child is missing": the office of {@code establishmentId} (one of the declared children's schools, or null
     * when the representative does not know) is asked to declare the child.
     */
    public void missingChild(long representativeId, Long establishmentId, String text, Client client) {
        Account representative = representative(representativeId);
        if (establishmentId != null && declared(representativeId).stream()
                .noneMatch(c -> establishmentId.equals(c.getEstablishmentId()))) {
            audit(AuditEventType.CHILD_ATTACHMENT_REFUSED, representative, client, "establishment:" + establishmentId);
            throw new BusinessException("children.error.unknown_establishment");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("text",
                    "children.error.text_required")));
        }
        helpNeeded.fire(new HelpNeeded(HelpNeeded.Kind.MISSING_CHILD, representative.id(), null, establishmentId,
                cut(text)));
    }

    private Responsibility declaredFor(Account representative, long childId, Client client) {
        Responsibility responsibility = em.find(Responsibility.class, childId);
        if (responsibility == null || !Objects.equals(responsibility.representative().id(), representative.id())) {
            audit(AuditEventType.CHILD_ATTACHMENT_REFUSED, representative, client, "not_declared:" + childId);
            throw new BusinessException("children.error.not_declared");
        }
        return responsibility;
    }

    private List<Responsibility> responsibilities(long representativeId) {
        Account account = em.find(Account.class, representativeId);
        if (account == null || account.profile() != Profile.LEGAL_REPRESENTATIVE) {
            return List.of();
        }
        return em.createNamedQuery(Responsibility.OF_REPRESENTATIVE, Responsibility.class)
                .setParameter("representative", account).getResultList();
    }

    private Account representative(long representativeId) {
        Account account = em.find(Account.class, representativeId);
        if (account == null || account.profile() != Profile.LEGAL_REPRESENTATIVE) {
            throw new BusinessException("children.error.not_declared");
        }
        return account;
    }

    /** The child's enrollment today, else the latest one. */
    private Enrollment currentEnrollment(Account pupil, LocalDate today) {
        List<Enrollment> enrollments = em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                .setParameter("pupil", pupil).getResultList();
        return enrollments.stream().filter(e -> e.isActiveOn(today)).findFirst()
                .orElse(enrollments.isEmpty() ? null : enrollments.get(0));
    }

    private Long schoolOf(Account pupil) {
        Enrollment enrollment = currentEnrollment(pupil, LocalDate.now(clock));
        return enrollment == null ? null : enrollment.establishment().id();
    }

    private void audit(AuditEventType type, Account representative, Client client, String detail) {
        audit.record(type, representative.id(), representative.identifier(), client.ip(), client.userAgent(), detail);
    }

    private static String cut(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }
}
