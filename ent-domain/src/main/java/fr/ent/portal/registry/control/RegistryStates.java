package fr.ent.portal.registry.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import fr.ent.portal.registry.control.RegistryState.EnrolledPupil;
import fr.ent.portal.registry.control.RegistryState.KnownAccount;
import fr.ent.portal.registry.control.RegistryState.KnownEnrollment;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Reads the {@link RegistryState} an import compares its file with: a few queries, the file's ids in chunks of
 * {@value #CHUNK} (projections, no entity is loaded). Works with any entity manager (the boundary's, or a test's).
 */
public final class RegistryStates {

    static final int CHUNK = 500;

    private RegistryStates() {
    }

    public static RegistryState load(EntityManager em, long establishmentId, SchoolYear year, LocalDate today,
                                     Collection<String> externalIds, Collection<String> legacyIdentifiers) {
        return load(em, establishmentId, year, today, externalIds, legacyIdentifiers, null);
    }

    /**
     * The state, for a whole establishment ({@code scope} null) or (the region's delta) only for the pupils of the
     * file and of {@code scope} (external ids): their enrollments here, so that only they may leave.
     */
    public static RegistryState load(EntityManager em, long establishmentId, SchoolYear year, LocalDate today,
                                     Collection<String> externalIds, Collection<String> legacyIdentifiers,
                                     Collection<String> scope) {
        Map<String, KnownAccount> accounts = knownAccounts(em, externalIds);
        Map<Long, KnownEnrollment> enrollments = new HashMap<>();
        List<EnrolledPupil> enrolledHere = new ArrayList<>();
        String enrolled = "select e.id, p.id, e.division, e.endDate, p.identifier, p.externalId, p.firstName, p.lastName"
                + " from Enrollment e join e.pupil p where e.establishment.id = :establishment and e.schoolYear = :year";
        List<Object[]> rows = new ArrayList<>();
        if (scope == null) {
            rows.addAll(em.createQuery(enrolled, Object[].class).setFlushMode(FlushModeType.COMMIT)
                    .setParameter("establishment", establishmentId).setParameter("year", year).getResultList());
        } else {
            Set<String> ids = new HashSet<>(externalIds);
            ids.addAll(scope);
            for (List<String> chunk : chunks(ids)) {
                rows.addAll(em.createQuery(enrolled + " and p.externalId in :ids", Object[].class)
                        .setFlushMode(FlushModeType.COMMIT).setParameter("establishment", establishmentId)
                        .setParameter("year", year).setParameter("ids", chunk).getResultList());
            }
        }
        for (Object[] r : rows) {
            long pupilId = (Long) r[1];
            LocalDate end = (LocalDate) r[3];
            enrollments.put(pupilId, new KnownEnrollment((Long) r[0], pupilId, (String) r[2], end));
            if (r[5] != null && (end == null || today.isBefore(end))) {
                enrolledHere.add(new EnrolledPupil((Long) r[0], pupilId, (String) r[4], (String) r[5],
                        (String) r[6], (String) r[7], (String) r[2]));
            }
        }
        Set<String> links = new HashSet<>();
        List<Long> pupilIds = accounts.values().stream().map(KnownAccount::id).toList();
        for (List<Long> chunk : chunks(pupilIds)) {
            em.createQuery("select r.representative.id, r.pupil.id from Responsibility r where r.pupil.id in :ids",
                            Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", chunk).getResultList()
                    .forEach(r -> links.add(RegistryState.link((Long) r[0], (Long) r[1])));
        }
        Map<String, Long> legacy = new HashMap<>();
        for (List<String> chunk : chunks(legacyIdentifiers)) {
            em.createQuery("select a.id, a.legacyIdentifier, a.identifier from Account a"
                            + " where a.legacyIdentifier in :ids or a.identifier in :ids", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", chunk).getResultList()
                    .forEach(r -> {
                        if (r[1] != null && chunk.contains((String) r[1])) {
                            legacy.put((String) r[1], (Long) r[0]);
                        }
                        if (chunk.contains((String) r[2])) {
                            legacy.put((String) r[2], (Long) r[0]);
                        }
                    });
        }
        // issue 20: the file's known pupils enrolled today in another establishment this school year (a transfer)
        Map<Long, String> elsewhere = new HashMap<>();
        for (List<Long> chunk : chunks(pupilIds)) {
            em.createQuery("select e.pupil.id, s.name, s.uai from Enrollment e join e.establishment s"
                            + " where e.pupil.id in :ids and s.id <> :establishment and e.schoolYear = :year"
                            + " and (e.endDate is null or e.endDate > :today) order by s.uai", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", chunk)
                    .setParameter("establishment", establishmentId).setParameter("year", year)
                    .setParameter("today", today).getResultList()
                    .forEach(r -> elsewhere.putIfAbsent((Long) r[0], r[1] + " (" + r[2] + ")"));
        }
        // issue 20: the file's known representatives whose children are all enrolled elsewhere (another school's family)
        Map<Long, String> familiesElsewhere = new HashMap<>();
        Set<Long> familiesHere = new HashSet<>();
        for (List<Long> chunk : chunks(pupilIds)) {
            em.createQuery("select r.representative.id, s.id, s.name, s.uai from Responsibility r, Enrollment e"
                            + " join e.establishment s where e.pupil = r.pupil and r.representative.id in :ids"
                            + " and e.schoolYear = :year and (e.endDate is null or e.endDate > :today)"
                            + " order by s.uai", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", chunk).setParameter("year", year)
                    .setParameter("today", today).getResultList()
                    .forEach(r -> {
                        if (((Long) r[1]) == establishmentId) {
                            familiesHere.add((Long) r[0]);
                        } else {
                            familiesElsewhere.putIfAbsent((Long) r[0], r[2] + " (" + r[3] + ")");
                        }
                    });
        }
        familiesElsewhere.keySet().removeAll(familiesHere);
        return new RegistryState(accounts, enrollments, links, enrolledHere, legacy, elsewhere, familiesElsewhere);
    }

    /**
     * What the database holds of an STSWeb export's staff: their accounts (by external id), and the TEACHER and
     * PRINCIPAL_TEACHER roles held here this school year by registry staff of this establishment ({@code prefix}).
     */
    public static StaffPlanner.StaffState loadStaff(EntityManager em, long establishmentId, SchoolYear year,
                                                    Collection<String> externalIds, String prefix) {
        return loadStaff(em, establishmentId, year, externalIds, prefix, null);
    }

    /** The same, the roles only of the staff of {@code scope} (external ids; null: all): the region's delta. */
    public static StaffPlanner.StaffState loadStaff(EntityManager em, long establishmentId, SchoolYear year,
                                                    Collection<String> externalIds, String prefix,
                                                    Collection<String> scope) {
        Map<String, KnownAccount> accounts = knownAccounts(em, externalIds);
        List<StaffPlanner.HeldRole> roles = new ArrayList<>();
        String held = "select s.id, a.id, a.externalId, a.identifier, a.firstName, a.lastName, s.division, s.role"
                + " from Assignment s join s.staff a where s.establishment.id = :establishment"
                + " and s.schoolYear = :year and a.externalId like :prefix"
                + " and s.role in (fr.ent.portal.schooling.entity.AssignmentRole.TEACHER,"
                + " fr.ent.portal.schooling.entity.AssignmentRole.PRINCIPAL_TEACHER)";
        List<Object[]> rows = new ArrayList<>();
        if (scope == null) {
            rows.addAll(em.createQuery(held + " order by s.id", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("establishment", establishmentId)
                    .setParameter("year", year).setParameter("prefix", prefix + "%").getResultList());
        } else {
            for (List<String> chunk : chunks(scope)) {
                rows.addAll(em.createQuery(held + " and a.externalId in :ids order by s.id", Object[].class)
                        .setFlushMode(FlushModeType.COMMIT).setParameter("establishment", establishmentId)
                        .setParameter("year", year).setParameter("prefix", prefix + "%").setParameter("ids", chunk)
                        .getResultList());
            }
        }
        rows.forEach(r -> roles.add(new StaffPlanner.HeldRole((Long) r[0], (Long) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6],
                        r[7] == fr.ent.portal.schooling.entity.AssignmentRole.PRINCIPAL_TEACHER)));
        return new StaffPlanner.StaffState(accounts, roles);
    }

    /** The accounts of the file that exist already, by external id (read in chunks: no IN list beyond its limit). */
    private static Map<String, KnownAccount> knownAccounts(EntityManager em, Collection<String> externalIds) {
        Map<String, KnownAccount> accounts = new HashMap<>();
        for (List<String> chunk : chunks(externalIds)) {
            em.createQuery("select a.id, a.identifier, a.externalId, a.firstName, a.lastName, a.birthDate, a.recoveryEmail"
                            + " from Account a where a.externalId in :ids", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT).setParameter("ids", chunk).getResultList()
                    .forEach(r -> accounts.put((String) r[2], new KnownAccount((Long) r[0], (String) r[1], (String) r[2],
                            (String) r[3], (String) r[4], (LocalDate) r[5], (String) r[6])));
        }
        return accounts;
    }

    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
