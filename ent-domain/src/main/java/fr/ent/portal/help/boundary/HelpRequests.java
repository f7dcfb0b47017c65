package fr.ent.portal.help.boundary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.Profile;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.help.entity.HelpRequest;
import fr.ent.portal.help.entity.HelpRequestKind;
import fr.ent.portal.help.entity.HelpRequestStatus;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.AssignmentRole;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Help requests: a person asks their school for help; the request is kept with the pupil's current establishment
 * and division, and the division's principal teachers get a notification mail when they have a verified address.
 * The school views (list, resolve) reuse {@link #ofPrincipalTeacher}, {@link #ofEstablishment} and {@link #resolve}.
 */
@Stateless
public class HelpRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @EJB
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /**
     * Opens a help request of {@code kind} for the account, or returns the one of that kind still open (a person
     * asking twice does not flood their school). Notifies the principal teachers of a pupil's division.
     */
    public HelpRequest open(long accountId, HelpRequestKind kind, Client client) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("help.request.account_unknown");
        }
        Optional<HelpRequest> already = em.createNamedQuery(HelpRequest.OPEN_OF_ACCOUNT, HelpRequest.class)
                .setParameter("account", account).setParameter("kind", kind).getResultStream().findFirst();
        if (already.isPresent()) {
            audit.record(AuditEventType.HELP_REQUEST_OPENED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), kind.name() + " already-open");
            return already.get();
        }
        Instant now = clock.instant();
        Optional<Enrollment> enrollment = currentEnrollment(account);
        HelpRequest request = new HelpRequest(account, enrollment.map(Enrollment::establishment).orElse(null),
                enrollment.map(Enrollment::division).orElse(null), kind, now);
        em.persist(request);
        enrollment.ifPresent(e -> notifyPrincipalTeachers(account, e));
        audit.record(AuditEventType.HELP_REQUEST_OPENED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), kind.name());
        return request;
    }

    /** The requests in {@code status} of the divisions this staff member is principal teacher of this year. */
    public List<HelpRequest> ofPrincipalTeacher(long staffId, HelpRequestStatus status) {
        Account staff = em.find(Account.class, staffId);
        if (staff == null) {
            return List.of();
        }
        List<HelpRequest> requests = new ArrayList<>();
        for (Assignment assignment : em.createNamedQuery(Assignment.OF_STAFF, Assignment.class)
                .setParameter("staff", staff).setParameter("schoolYear", SchoolYear.current(clock)).getResultList()) {
            if (assignment.role() == AssignmentRole.PRINCIPAL_TEACHER) {
                requests.addAll(em.createNamedQuery(HelpRequest.OF_DIVISION, HelpRequest.class)
                        .setParameter("establishment", assignment.establishment())
                        .setParameter("division", assignment.division())
                        .setParameter("status", status).getResultList());
            }
        }
        return requests;
    }

    /** The requests in {@code status} of an establishment, for its school office. */
    public List<HelpRequest> ofEstablishment(long establishmentId, HelpRequestStatus status) {
        return em.createNamedQuery(HelpRequest.OF_ESTABLISHMENT, HelpRequest.class)
                .setParameter("establishment", em.getReference(fr.ent.portal.establishment.entity.Establishment.class,
                        establishmentId))
                .setParameter("status", status).getResultList();
    }

    /** Marks a request dealt with. */
    public HelpRequest resolve(long requestId, String note, Client client) {
        HelpRequest request = em.find(HelpRequest.class, requestId);
        if (request == null) {
            throw new NotFoundException("help.request.unknown");
        }
        request.resolve(note, clock.instant());
        audit.record(AuditEventType.HELP_REQUEST_RESOLVED, request.account().id(), request.account().identifier(),
                client.ip(), client.userAgent(), "request " + requestId);
        return request;
    }

    /** A pupil's enrollment of today, if any. */
    private Optional<Enrollment> currentEnrollment(Account account) {
        if (account.profile() != Profile.PUPIL) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class).setParameter("pupil", account)
                .getResultStream().filter(e -> e.isActiveOn(today)).findFirst();
    }

    private void notifyPrincipalTeachers(Account pupil, Enrollment enrollment) {
        List<Assignment> teachers = em.createNamedQuery(Assignment.PRINCIPAL_TEACHERS, Assignment.class)
                .setParameter("establishment", enrollment.establishment())
                .setParameter("division", enrollment.division())
                .setParameter("schoolYear", enrollment.schoolYear()).getResultList();
        for (Assignment assignment : teachers) {
            Account teacher = assignment.staff();
            if (teacher.hasVerifiedEmail()) {
                mailer.queue(teacher.recoveryEmail(), MailTemplate.HELP_REQUEST_NOTICE, Locale.FRENCH, Map.of(
                        "firstName", teacher.firstName(),
                        "requester", pupil.firstName() + " " + pupil.lastName() + " (" + pupil.identifier() + ")",
                        "division", enrollment.division(),
                        "link", settings.get(Setting.PUBLIC_URL) + "/home"));
            }
        }
    }
}
