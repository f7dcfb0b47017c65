package fr.ent.portal.activation.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The activation dashboard's queries, aggregated by the database: one row per class (GROUP BY division) with a
 * conditional sum per state, over the pupils enrolled this school year. Used by the {@code ActivationFigures} boundary
 * once the scope is checked.
 */
public final class ActivationCounts {

    private static final String ENROLLED = " from Enrollment e join e.pupil a where e.establishment.id = :establishment"
            + " and e.schoolYear = :year and (e.endDate is null or e.endDate > :today)";

    private ActivationCounts() {
    }

    /**
     * The figures of each class of an establishment, ordered by class name.
     *
     * @param divisions only these classes (a principal teacher's), or null for all
     * @param now       what "expired" is measured against
     */
    public static List<ClassFigures> perDivision(EntityManager em, long establishmentId, Collection<String> divisions,
                                                 SchoolYear year, LocalDate today, Instant now) {
        String status = "fr.ent.portal.account.entity.AccountStatus.";
        TypedQuery<ClassFigures> query = em.createQuery("select new fr.ent.portal.activation.control.ClassFigures("
                + "e.division,"
                + " sum(case when a.status = " + status + "ACTIVE then 1 else 0 end),"
                + " sum(case when a.status = " + status + "PROVISIONAL and a.provisionalCodeHash is not null"
                + " and a.provisionalCodeExpiresAt > :now then 1 else 0 end),"
                + " sum(case when a.status = " + status + "PROVISIONAL and a.provisionalCodeHash is not null"
                + " and a.provisionalCodeExpiresAt <= :now then 1 else 0 end),"
                + " sum(case when a.status = " + status + "PROVISIONAL and a.provisionalCodeHash is null then 1 else 0 end),"
                + " sum(case when a.status = " + status + "DISABLED then 1 else 0 end))"
                + ENROLLED + (divisions == null ? "" : " and e.division in :divisions")
                + " group by e.division order by e.division", ClassFigures.class);
        query.setParameter("establishment", establishmentId).setParameter("year", year)
                .setParameter("today", today).setParameter("now", now);
        if (divisions != null) {
            if (divisions.isEmpty()) {
                return List.of();
            }
            query.setParameter("divisions", divisions);
        }
        return query.getResultList();
    }

    /** The pupils of a class who still have to activate their account (not ACTIVE, not DISABLED), by name. */
    public static List<Account> toActivate(EntityManager em, long establishmentId, String division, SchoolYear year,
                                           LocalDate today) {
        return em.createQuery("select a" + ENROLLED + " and e.division = :division"
                        + " and a.status = fr.ent.portal.account.entity.AccountStatus.PROVISIONAL"
                        + " order by a.lastName, a.firstName, a.identifier", Account.class)
                .setParameter("establishment", establishmentId).setParameter("year", year)
                .setParameter("today", today).setParameter("division", division)
                .setMaxResults(2_000).getResultList();
    }
}
