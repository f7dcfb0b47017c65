package fr.ent.portal.help.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.persistence.VersionCheck;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AccountReach.Action;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.help.entity.HelpRequest;
import fr.ent.portal.help.entity.HelpRequestKind;
import fr.ent.portal.help.entity.HelpRequestStatus;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.NotFoundException;
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

    @EJB
    AdminScopes scopes;

    /** Resolved requests stay listed in the administration this many days. */
    public static final int RESOLVED_SHOWN_DAYS = 14;

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
                .setParameter("establishment", em.getReference(Establishment.class,
                        establishmentId))
                .setParameter("status", status).getResultList();
    }

    /**
     * The requests this staff member may see, open ones and those resolved in the last
     * {@value #RESOLVED_SHOWN_DAYS} days, oldest first, filtered. The region sees every request, including those
     * tied to no establishment (a missing child declared by a representative, a person with no enrollment); a
     * school admin the requests of their establishments; a principal teacher those of their classes.
     */
    public List<HelpRequestView> forAdmin(AdminScope scope, HelpRequestFilter filter, Client client) {
        if (scope.isEmpty()) {
            throw scopes.denied(scope, client, "help-requests", null);
        }
        Instant resolvedSince = clock.instant().minus(Duration.ofDays(RESOLVED_SHOWN_DAYS));
        Map<Long, HelpRequest> seen = new LinkedHashMap<>();
        for (HelpRequestStatus status : HelpRequestStatus.values()) {
            if (filter.status() != null && filter.status() != status) {
                continue;
            }
            if (scope.region()) {
                em.createNamedQuery(HelpRequest.ALL_IN_STATUS, HelpRequest.class).setParameter("status", status)
                        .setParameter("resolvedSince", resolvedSince).getResultStream().forEach(r -> seen.put(r.id(), r));
                continue;
            }
            for (Long establishmentId : scope.establishments()) {
                ofEstablishment(establishmentId, status).forEach(r -> seen.put(r.id(), r));
            }
            for (AdminScope.Division division : scope.divisions()) {
                em.createNamedQuery(HelpRequest.OF_DIVISION, HelpRequest.class)
                        .setParameter("establishment", em.getReference(Establishment.class, division.establishmentId()))
                        .setParameter("division", division.name()).setParameter("status", status)
                        .getResultStream().forEach(r -> seen.put(r.id(), r));
            }
        }
        return seen.values().stream()
                .filter(r -> r.isOpen() || r.resolvedAt() != null && r.resolvedAt().isAfter(resolvedSince))
                .map(HelpRequestView::of)
                .filter(filter::accepts)
                .sorted(Comparator.comparing(HelpRequestView::status).thenComparing(HelpRequestView::createdAt))
                .toList();
    }

    /** One request the staff member may see; outside the scope (or unknown) 404 and {@code ADMIN_SCOPE_DENIED}. */
    public HelpRequestView find(AdminScope scope, long requestId, Client client) {
        return HelpRequestView.of(require(scope, requestId, client));
    }

    /**
     * Marks a request dealt with, with a mandatory short note, if the staff member's scope covers it (a forged id
     * of another establishment: 404 and {@code ADMIN_SCOPE_DENIED}). Audited {@code ADMIN_HELP_REQUEST_RESOLVED}.
     */
    public HelpRequestView resolve(AdminScope scope, long requestId, String note, Client client) {
        HelpRequest request = require(scope, requestId, client);
        if (!scopes.allows(scope, request.account(), Action.REISSUE_CODE)) {
            // the one rule: whoever answers a request for help may give that person a new code (AccountReach)
            throw scopes.denied(scope, client, "help-request:" + requestId,
                    request.establishment() == null ? null : request.establishment().id());
        }
        request.resolveBy(scope.identifier(), note, clock.instant());
        VersionCheck.flush(em, "help.request.already_resolved");
        Long establishmentId = request.establishment() == null ? null : request.establishment().id();
        audit.recordByStaff(AuditEventType.ADMIN_HELP_REQUEST_RESOLVED, scope.staffId(), scope.identifier(),
                request.account().id(), request.account().identifier(), client, "request:" + requestId,
                establishmentId);
        return HelpRequestView.of(request);
    }

    private HelpRequest require(AdminScope scope, long requestId, Client client) {
        HelpRequest request = em.find(HelpRequest.class, requestId);
        if (request == null || !covers(scope, request)) {
            throw scopes.denied(scope, client, "help-request:" + requestId,
                    request == null || request.establishment() == null ? null : request.establishment().id());
        }
        return request;
    }

    /** The region covers every request; others only those of an establishment or class of theirs. */
    static boolean covers(AdminScope scope, HelpRequest request) {
        if (scope.region()) {
            return true;
        }
        return request.establishment() != null
                && scope.coversDivision(request.establishment().id(), request.division());
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
                mailer.queue(teacher.recoveryEmail(), MailTemplate.HELP_REQUEST_NOTICE, teacher.language(), Map.of(
                        "firstName", teacher.firstName(),
                        "requester", pupil.firstName() + " " + pupil.lastName() + " (" + pupil.identifier() + ")",
                        "division", enrollment.division(),
                        "link", settings.publicUrl() + "/admin/help-requests"));
            }
        }
    }
}
