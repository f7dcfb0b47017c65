package fr.ent.portal.admin.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.control.AccountReach;
import fr.ent.portal.admin.control.AccountReach.Action;
import fr.ent.portal.admin.control.AccountReach.Place;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.admin.control.AdminScope.Division;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.AssignmentRole;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Who may administer what, checked on the server for every admin page and action. The scope comes from the
 * account's profile and its assignments of the current school year; anything outside it answers
 * {@link NotFoundException} (the page shows 404, as for an id that does not exist) and leaves an
 * {@code ADMIN_SCOPE_DENIED} audit event.
 */
@Stateless
public class AdminScopes {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The scope of a signed-in account; empty for families and teachers without a class. */
    public AdminScope of(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null || account.status() == AccountStatus.DISABLED) {
            return AdminScope.none(accountId, account == null ? "" : account.identifier());
        }
        if (account.profile() == Profile.REGION_ADMIN) {
            return AdminScope.region(accountId, account.identifier());
        }
        if (!account.profile().isStaff()) {
            return AdminScope.none(accountId, account.identifier());
        }
        Set<Long> establishments = new HashSet<>();
        Set<Division> divisions = new HashSet<>();
        List<Assignment> assignments = em.createNamedQuery(Assignment.OF_STAFF, Assignment.class)
                .setParameter("staff", account).setParameter("schoolYear", SchoolYear.current(clock)).getResultList();
        for (Assignment assignment : assignments) {
            if (assignment.role() == AssignmentRole.SCHOOL_ADMIN) {
                establishments.add(assignment.establishment().id());
            } else if (assignment.role() == AssignmentRole.PRINCIPAL_TEACHER && assignment.division() != null) {
                divisions.add(new Division(assignment.establishment().id(), assignment.division()));
            }
        }
        return new AdminScope(accountId, account.identifier(), false, establishments, divisions);
    }

    /**
     * The account if the scope may see it ({@link AccountReach}, {@code VIEW}): a pupil enrolled this school year in
     * a covered class, a representative of such a pupil, or staff assigned to a covered establishment (the region
     * covers every account). Otherwise 404, audited.
     */
    public Account requireAccount(AdminScope scope, long accountId, Client client) {
        return requireAccount(scope, accountId, Action.VIEW, client);
    }

    /**
     * The account if {@link AccountReach} lets the scope do {@code action} to it; otherwise 404 and
     * {@code ADMIN_SCOPE_DENIED} (detail: the action and the id), whatever the page offered.
     */
    public Account requireAccount(AdminScope scope, long accountId, Action action, Client client) {
        Account account = em.find(Account.class, accountId);
        if (account == null || !allows(scope, account, action)) {
            String what = (action == Action.VIEW ? "account:" : action.name().toLowerCase(java.util.Locale.ROOT) + ":")
                    + accountId;
            throw denied(scope, client, what, account == null ? null : establishmentOf(scope, placesOf(account)));
        }
        return account;
    }

    /** Whether the scope sees the account (see {@link #requireAccount}). */
    public boolean covers(AdminScope scope, Account account) {
        return allows(scope, account, Action.VIEW);
    }

    /** Whether {@link AccountReach} lets the scope do {@code action} to the account. */
    public boolean allows(AdminScope scope, Account account, Action action) {
        if (scope.region()) {
            return true;
        }
        if (scope.isEmpty()) {
            return false;
        }
        return AccountReach.allows(scope, account.profile(), placesOf(account), action);
    }

    /** The establishment of {@code places} the scope touches (for the audit log), else the first one, else null. */
    public static Long establishmentOf(AdminScope scope, List<Place> places) {
        return places.stream().map(Place::establishmentId).filter(scope::touchesEstablishment).findFirst()
                .orElse(places.isEmpty() ? null : places.get(0).establishmentId());
    }

    /**
     * Where the account is this school year: a pupil's current enrollments, the current enrollments of a legal
     * representative's children, a staff member's assignments (without class).
     */
    public List<Place> placesOf(Account account) {
        SchoolYear year = SchoolYear.current(clock);
        LocalDate today = LocalDate.now(clock);
        List<Object[]> places = switch (account.profile()) {
            case PUPIL -> em.createQuery("select e.establishment.id, e.division from Enrollment e"
                            + " where e.pupil = :account and e.schoolYear = :year and (e.endDate is null or e.endDate > :today)", Object[].class)
                    .setParameter("account", account).setParameter("year", year).setParameter("today", today).getResultList();
            case LEGAL_REPRESENTATIVE -> em.createQuery("select e.establishment.id, e.division from Responsibility r,"
                            + " Enrollment e where r.representative = :account and e.pupil = r.pupil"
                            + " and e.schoolYear = :year and (e.endDate is null or e.endDate > :today)", Object[].class)
                    .setParameter("account", account).setParameter("year", year).setParameter("today", today).getResultList();
            case TEACHER, SCHOOL_ADMIN -> em.createQuery("select a.establishment.id, cast(null as string)"
                            + " from Assignment a where a.staff = :account and a.schoolYear = :year", Object[].class)
                    .setParameter("account", account).setParameter("year", year).getResultList();
            case REGION_ADMIN -> List.of();
        };
        return places.stream().map(p -> new Place((Long) p[0], (String) p[1])).toList();
    }

    /** The establishment if the scope covers all of it (school admin or region); otherwise 404. */
    public Establishment requireEstablishment(AdminScope scope, long establishmentId, Client client) {
        Establishment establishment = em.find(Establishment.class, establishmentId);
        if (establishment == null || !scope.coversEstablishment(establishmentId)) {
            throw denied(scope, client, "establishment:" + establishmentId, establishmentId);
        }
        return establishment;
    }

    /** The establishment if the scope covers the class (its principal teacher too); otherwise 404. */
    public Establishment requireDivision(AdminScope scope, long establishmentId, String division, Client client) {
        Establishment establishment = em.find(Establishment.class, establishmentId);
        if (establishment == null || !scope.coversDivision(establishmentId, division)) {
            throw denied(scope, client, "division:" + establishmentId, establishmentId);
        }
        return establishment;
    }

    /** Region-only actions (establishments, services, incidents): anyone else gets 404. */
    public void requireRegion(AdminScope scope, Client client, String what) {
        if (!scope.region()) {
            throw denied(scope, client, what, null);
        }
    }

    /** Records the refusal and returns the 404 to throw. */
    public NotFoundException denied(AdminScope scope, Client client, String what, Long establishmentId) {
        audit.recordByStaff(AuditEventType.ADMIN_SCOPE_DENIED, scope.staffId(), scope.identifier(), null, null, client,
                what, establishmentId);
        return new NotFoundException("admin.not_found");
    }
}
