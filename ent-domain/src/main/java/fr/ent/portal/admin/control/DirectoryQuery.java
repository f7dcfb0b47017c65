package fr.ent.portal.admin.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The account directory's query: which accounts a scope sees, filtered. Built for 100,000 accounts and more (see
 * docs/PERFORMANCE.md). The scope and the class are read first from the enrollments of the school year (indexed by
 * establishment or by class, V14): a few thousand ids of a school, a few thousand of a class across the region; then
 * the page looks the accounts up by primary key ({@code a.id in :ids}) with the other filters (name and identifier are
 * prefix matches) and its order. The region without class filter reads the account index in the page's order. No
 * join on the account table, so no duplicate rows and no DISTINCT. ({@link Shape#SUBQUERIES}, the same restriction as
 * uncorrelated subqueries in the one query, makes H2 read the whole account index for a school: kept to measure.)
 * <ul>
 *     <li>region: every account;</li>
 *     <li>school admin: pupils enrolled this school year in their establishments, the legal representatives of those
 *     pupils, staff assigned there this school year;</li>
 *     <li>principal teacher: the pupils of their classes and those pupils' representatives.</li>
 * </ul>
 * The class filter keeps the class's pupils and their representatives (in the scope's establishments or classes).
 */
public final class DirectoryQuery {

    /** How the scope and the class restrict the accounts. */
    public enum Shape {
        /** Uncorrelated {@code a.id in (…) or a.id in (…)} subqueries in the one query. */
        SUBQUERIES,
        /**
         * The ids of the scope or the class read first (indexed, a few thousand at most), then {@code a.id in :ids}:
         * the database looks the accounts up by primary key instead of reading the whole account index.
         */
        IDS_FIRST
    }

    /**
     * Beyond this many ids (a class across the region: ~5,000 in the benchmark), the subqueries stay in the query: a
     * parameter list that long was slower than the subqueries on H2 (805 against ~400 ms under the same load).
     */
    static final int MAX_IDS = 2_000;

    private final String where;
    private final Map<String, Object> parameters;
    private final List<String> idQueries;
    private final Map<String, Object> idParameters;
    private List<Long> ids;

    private DirectoryQuery(String where, Map<String, Object> parameters, List<String> idQueries,
                           Map<String, Object> idParameters) {
        this.where = where;
        this.parameters = parameters;
        this.idQueries = idQueries;
        this.idParameters = idParameters;
    }

    public static DirectoryQuery of(AdminScope scope, DirectoryFilter filter, SchoolYear year, LocalDate today) {
        return of(scope, filter, year, today, Shape.IDS_FIRST);
    }

    public static DirectoryQuery of(AdminScope scope, DirectoryFilter filter, SchoolYear year, LocalDate today,
                                    Shape shape) {
        Map<String, Object> idParameters = new LinkedHashMap<>();
        String place = scope.region() ? "" : place(scope, idParameters);
        List<String> idQueries = new ArrayList<>();
        if (filter.division() != null) {
            idParameters.put("division", filter.division());
            String enrolled = " and e.division = :division" + place;
            idQueries.add(pupils(enrolled));
            idQueries.add(representatives(enrolled));
        } else if (!scope.region()) {
            idQueries.add(pupils(place));
            idQueries.add(representatives(place));
            if (!scope.establishments().isEmpty()) {
                idQueries.add("select s.staff.id from Assignment s where s.establishment.id in :establishments"
                        + " and s.schoolYear = :year");
            }
        }
        if (!idQueries.isEmpty()) {
            idParameters.put("year", year);
            if (idQueries.stream().anyMatch(q -> q.contains(":today"))) {
                idParameters.put("today", today);
            }
        }
        StringBuilder where = new StringBuilder(" from Account a where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!idQueries.isEmpty() && shape == Shape.SUBQUERIES) {
            where.append(" and (").append(String.join(" or ", idQueries.stream().map(q -> "a.id in (" + q + ")")
                    .toList())).append(")");
            parameters.putAll(idParameters);
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
        return shape == Shape.SUBQUERIES || idQueries.isEmpty()
                ? new DirectoryQuery(where.toString(), parameters, List.of(), Map.of())
                : new DirectoryQuery(where.toString(), parameters, idQueries, idParameters);
    }

    /**
     * One page, in the order asked: id, identifier, first name, last name, profile, status, last sign-in (the columns
     * of the list, not the entities: no pending actions loaded row by row).
     */
    public TypedQuery<Object[]> page(EntityManager em, DirectorySort sort, boolean descending, int first, int size) {
        return create(em, "select a.id, a.identifier, a.firstName, a.lastName, a.profile, a.status, a.lastSignInAt",
                " order by " + sort.orderBy(descending), Object[].class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, size));
    }

    /**
     * How many accounts match, counted up to {@code cap} + 1 at most (the database stops reading there): a count of
     * 100,000 rows on every page turn is what made the first attempt slow.
     */
    public int countUpTo(EntityManager em, int cap) {
        return create(em, "select a.id", "", Long.class).setMaxResults(cap + 1).getResultList().size();
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

    /** The query with the scope's or the class's ids read first, when its shape asks for it. */
    private <T> TypedQuery<T> create(EntityManager em, String select, String order, Class<T> type) {
        String restricted = where;
        if (!idQueries.isEmpty()) {
            if (ids == null) {
                java.util.Set<Long> found = new java.util.TreeSet<>();
                for (String idQuery : idQueries) {
                    TypedQuery<Long> query = em.createQuery(idQuery, Long.class);
                    idParameters.forEach((name, value) -> {
                        if (idQuery.contains(":" + name)) {
                            query.setParameter(name, value);
                        }
                    });
                    found.addAll(query.getResultList());
                }
                ids = List.copyOf(found);
            }
            restricted = ids.size() > MAX_IDS ? where + " and (" + String.join(" or ", idQueries.stream()
                    .map(q -> "a.id in (" + q + ")").toList()) + ")" : where + " and a.id in :ids";
        }
        TypedQuery<T> query = em.createQuery(select + restricted + order, type);
        parameters.forEach(query::setParameter);
        if (ids != null && ids.size() > MAX_IDS) {
            idParameters.forEach(query::setParameter);
        } else if (ids != null) {
            query.setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids);
        }
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
