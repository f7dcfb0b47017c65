package fr.ent.portal.admin.control;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The audit log viewer's query: the filter, and the scope. The region sees every event; a school admin the events of
 * their establishments, or whose account or acting staff member is theirs this school year (a pupil enrolled there, a
 * legal representative of such a pupil, staff assigned there). The caller checked that the scope may read the log.
 */
public final class AuditQuery {

    private AuditQuery() {
    }

    /**
     * @param select {@code "select e"} or {@code "select count(e)"}
     * @param order  an order clause, or ""
     */
    public static <T> TypedQuery<T> of(EntityManager em, AdminScope scope, AuditFilter filter, SchoolYear year,
                                       ZoneId zone, String select, String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" from AuditEvent e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!scope.region()) {
            String staff = "select s.staff.id from Assignment s where s.establishment.id in :establishments"
                    + " and s.schoolYear = :year";
            where.append(" and (e.establishmentId in :establishments")
                    .append(" or e.accountId in (select en.pupil.id from Enrollment en")
                    .append(" where en.establishment.id in :establishments and en.schoolYear = :year)")
                    .append(" or e.accountId in (select r.representative.id from Responsibility r, Enrollment en")
                    .append(" where r.pupil = en.pupil and en.establishment.id in :establishments and en.schoolYear = :year)")
                    .append(" or e.accountId in (").append(staff).append(")")
                    .append(" or e.actorId in (").append(staff).append("))");
            // A scope without establishment sees nothing (never reached: such a scope may not read the log).
            parameters.put("establishments", scope.establishments().isEmpty() ? java.util.Set.of(-1L)
                    : scope.establishments());
            parameters.put("year", year);
        }
        if (filter.type() != null) {
            where.append(" and e.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.identifier() != null) {
            where.append(" and (e.identifier = :identifier or e.actorIdentifier = :identifier)");
            parameters.put("identifier", filter.identifier());
        }
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        TypedQuery<T> query = em.createQuery(select + where + order, type);
        parameters.forEach(query::setParameter);
        return query;
    }
}
