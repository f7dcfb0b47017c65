package fr.ent.portal.admin.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.admin.control.DirectoryFilter;
import fr.ent.portal.admin.control.DirectoryQuery;
import fr.ent.portal.admin.control.DirectorySort;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The account directory of {@code /admin/accounts}: the accounts a staff member's scope covers this school year, a page
 * at a time, filtered and sorted by the database ({@link DirectoryQuery}). The count stops at {@link #COUNT_CAP}: past
 * it the page says "more than 1,000, refine the filters". Anyone without administration gets 404 (audited).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccountDirectory {

    /** The count stops here (a count of every account of the region on each filter change is not worth its cost). */
    public static final int COUNT_CAP = 1000;
    /** The largest page one may ask for. */
    static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @Inject
    Clock clock;

    /** The number of matching accounts, {@link #COUNT_CAP} + 1 meaning "more than the cap". */
    public int count(AdminScope scope, DirectoryFilter filter, Client client) {
        requireAdministration(scope, client);
        return query(scope, filter).countUpTo(em, COUNT_CAP);
    }

    /** One page of matching accounts. */
    public List<DirectoryRow> page(AdminScope scope, DirectoryFilter filter, DirectorySort sort, boolean descending,
                                   int first, int size, Client client) {
        requireAdministration(scope, client);
        List<Object[]> rows = query(scope, filter).page(em, sort, descending, first, Math.min(size, MAX_PAGE))
                .getResultList();
        Map<Long, String> divisions = divisions(rows.stream().filter(r -> r[4] == Profile.PUPIL)
                .map(r -> (Long) r[0]).toList(), scope);
        return rows.stream().map(r -> new DirectoryRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                (Profile) r[4], (AccountStatus) r[5], divisions.get((Long) r[0]), (java.time.Instant) r[6])).toList();
    }

    /** The classes of the current school year that the scope may filter on, sorted (for the filter's list). */
    public List<String> divisions(AdminScope scope, Client client) {
        requireAdministration(scope, client);
        if (scope.region()) {
            return List.of(); // the region types the class: hundreds of establishments
        }
        List<String> names = new java.util.ArrayList<>(scope.divisions().stream().map(AdminScope.Division::name).toList());
        if (!scope.establishments().isEmpty()) {
            names.addAll(em.createQuery("select distinct e.division from Enrollment e where e.schoolYear = :year"
                            + " and e.establishment.id in :establishments", String.class)
                    .setParameter("year", SchoolYear.current(clock)).setParameter("establishments", scope.establishments())
                    .getResultList());
        }
        return names.stream().distinct().sorted().toList();
    }

    private DirectoryQuery query(AdminScope scope, DirectoryFilter filter) {
        return DirectoryQuery.of(scope, filter, SchoolYear.current(clock), LocalDate.now(clock));
    }

    private Map<Long, String> divisions(List<Long> pupils, AdminScope scope) {
        Map<Long, String> divisions = new HashMap<>();
        if (pupils.isEmpty()) {
            return divisions;
        }
        List<Object[]> rows = DirectoryQuery.classesOf(em, pupils, SchoolYear.current(clock), LocalDate.now(clock));
        for (Object[] row : rows) { // the class in the viewer's scope first
            if (scope.coversDivision((Long) row[1], (String) row[2]) || !divisions.containsKey((Long) row[0])) {
                divisions.put((Long) row[0], (String) row[2]);
            }
        }
        return divisions;
    }

    private void requireAdministration(AdminScope scope, Client client) {
        if (scope.isEmpty()) {
            throw scopes.denied(scope, client, "accounts", null);
        }
    }
}
