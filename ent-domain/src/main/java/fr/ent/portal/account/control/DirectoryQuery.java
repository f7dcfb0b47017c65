package fr.ent.portal.account.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The account directory's query: which accounts a scope sees, filtered. Built for 100,000 accounts and more (see
 * docs/PERFORMANCE.md): the scope and the class are uncorrelated {@code a.id in (…) or a.id in (…)} subqueries that
 * start from the enrollments of the school year (indexed by establishment or by class, V14): each is computed once per
 * query (a few thousand ids of a school, a few thousand of a class across the region) and probed as the account index
 * is read in the page's order, instead of a correlated probe per account (a UNION inside one IN was 10x slower on H2); name and identifier are prefix
 * matches; the order follows an index. No join on the account table, so no duplicate rows and no DISTINCT.
 * <ul>
 *     <li>region: every account;</li>
 *     <li>school admin: pupils enrolled this school year in their establishments, the legal representatives of those
 *     pupils, staff assigned there this school year;</li>
 *     <li>principal teacher: the pupils of their classes and those pupils' representatives.</li>
 * </ul>
 * The class filter keeps the class's pupils and their representatives (in the scope's establishments or classes).
 */
public final class DirectoryQuery {

    private final String where;
    private final Map<String, Object> parameters;

    private DirectoryQuery(String where, Map<String, Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    public static DirectoryQuery of(AdminScope scope, DirectoryFilter filter, SchoolYear year, LocalDate today) {
        StringBuilder where = new StringBuilder(" from Account a where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        String place = scope.region() ? "" : place(scope, parameters);
        boolean enrollments = filter.division() != null || !scope.region();
        if (enrollments) {
            parameters.put("year", year);
            parameters.put("today", today);
        }
        if (filter.division() != null) {
            parameters.put("division", filter.division());
            String enrolled = " and e.division = :division" + place;
            where.append(" and (a.id in (").append(pupils(enrolled)).append(") or a.id in (")
                    .append(representatives(enrolled)).append("))");
        } else if (!scope.region()) {
            where.append(" and (a.id in (").append(pupils(place)).append(") or a.id in (")
                    .append(representatives(place)).append(")");
            if (!scope.establishments().isEmpty()) {
                where.append(" or a.id in (select s.staff.id from Assignment s where s.establishment.id in :establishments")
                        .append(" and s.schoolYear = :year)");
            }
            where.append(")");
        }
        if (filter.name() != null) {
            where.append(" and (lower(a.lastName) like :name escape '\\' or lower(a.firstName) like :name escape '\\')");
            parameters.put("name", DirectoryFilter.startsWith(filter.name()));
        }
        if (filter.identifier() != null) {
            where.append(" and a.identifier like :identifier escape '\\'");
            parameters.put("identifier", DirectoryFilter.startsWith(filter.identifier()));
        }
        if (filter.profile() != null) {
            where.append(" and a.profile = :profile");
            parameters.put("profile", filter.profile());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            parameters.put("status", filter.status());
        }
        return new DirectoryQuery(where.toString(), parameters);
    }

    /**
     * One page, in the order asked: id, identifier, first name, last name, profile, status, last sign-in (the columns
     * of the list, not the entities: no pending actions loaded row by row).
     */
    public TypedQuery<Object[]> page(EntityManager em, DirectorySort sort, boolean descending, int first, int size) {
        return bind(em.createQuery("select a.id, a.identifier, a.firstName, a.lastName, a.profile, a.status,"
                + " a.lastSignInAt" + where + " order by " + sort.orderBy(descending), Object[].class))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size));
    }

    /**
     * How many accounts match, counted up to {@code cap} + 1 at most (the database stops reading there): a count of
     * 100,000 rows on every page turn is what made the first attempt slow.
     */
    public int countUpTo(EntityManager em, int cap) {
        return bind(em.createQuery("select a.id" + where, Long.class)).setMaxResults(cap + 1).getResultList().size();
    }

    /**
     * The classes this school year of the pupils of a page: pupil id, establishment id, division, oldest enrollment
     * first (one indexed query for the whole page).
     */
    public static List<Object[]> classesOf(EntityManager em, List<Long> pupils, SchoolYear year, LocalDate today) {
        if (pupils.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e.pupil.id, e.establishment.id, e.division from Enrollment e"
                        + " where e.pupil.id in :pupils and e.schoolYear = :year"
                        + " and (e.endDate is null or e.endDate > :today) order by e.id", Object[].class)
                .setParameter("pupils", pupils).setParameter("year", year).setParameter("today", today)
                .getResultList();
    }

    /** The JPQL after "select …" (for tests and the benchmark's plans). */
    public String jpql() {
        return where;
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    private static String pupils(String condition) {
        return "select e.pupil.id from Enrollment e where e.schoolYear = :year"
                + " and (e.endDate is null or e.endDate > :today)" + condition;
    }

    private static String representatives(String condition) {
        return "select r.representative.id from Responsibility r, Enrollment e where e.pupil = r.pupil"
                + " and e.schoolYear = :year and (e.endDate is null or e.endDate > :today)" + condition;
    }

    /** The enrollments a non-region scope covers: its establishments, or its classes. */
    private static String place(AdminScope scope, Map<String, Object> parameters) {
        List<String> alternatives = new ArrayList<>();
        if (!scope.establishments().isEmpty()) {
            alternatives.add("e.establishment.id in :establishments");
            parameters.put("establishments", scope.establishments());
        }
        int i = 0;
        for (AdminScope.Division division : scope.divisions().stream()
                .sorted(java.util.Comparator.comparing(AdminScope.Division::establishmentId)
                        .thenComparing(AdminScope.Division::name)).toList()) {
            alternatives.add("(e.establishment.id = :pe" + i + " and e.division = :pd" + i + ")");
            parameters.put("pe" + i, division.establishmentId());
            parameters.put("pd" + i, division.name());
            i++;
        }
        if (alternatives.isEmpty()) {
            return " and 1 = 0";
        }
        return " and (" + String.join(" or ", alternatives) + ")";
    }
}
