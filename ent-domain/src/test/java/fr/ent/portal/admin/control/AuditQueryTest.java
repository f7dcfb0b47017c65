package fr.ent.portal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.AssignmentRole;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;

/** Which events a school admin sees, on a migrated in-memory H2: theirs, never another establishment's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");
    private static final SchoolYear YEAR = SchoolYear.startingIn(2026);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private EntityManagerFactory emf;
    private long lycee;
    private long college;

    @BeforeAll
    void load() {
        emf = TestPersistenceUnit.migratedH2("audit-query-test");
        TestPersistenceUnit.inTransaction(emf, em -> {
            Establishment a = new Establishment("0771763Y", "Lycée", EstablishmentKind.LYCEE, "Créteil", "Melun");
            Establishment b = new Establishment("0860034V", "Collège", EstablishmentKind.COLLEGE, "Poitiers", "Châtellerault");
            em.persist(a);
            em.persist(b);
            Account pupilA = account(em, "p.alpha1", Profile.PUPIL);
            Account parentA = account(em, "r.alpha1", Profile.LEGAL_REPRESENTATIVE);
            Account teacherA = account(em, "t.alpha1", Profile.TEACHER);
            Account pupilB = account(em, "p.beta1", Profile.PUPIL);
            em.persist(new Enrollment(pupilA, a, "2nde A", YEAR));
            em.persist(new Enrollment(pupilB, b, "3e A", YEAR));
            em.persist(new Responsibility(parentA, pupilA, NOW));
            em.persist(Assignment.of(teacherA, a, AssignmentRole.TEACHER, YEAR));
            event(em, AuditEventType.SIGN_IN_FAILED, pupilA, null, null, "pupil-of-a");
            event(em, AuditEventType.SIGN_IN_SUCCEEDED, parentA, null, null, "parent-of-a");
            event(em, AuditEventType.ADMIN_SCOPE_DENIED, null, teacherA, null, "by-staff-of-a");
            event(em, AuditEventType.ADMIN_SCOPE_DENIED, null, null, a.id(), "establishment-a");
            event(em, AuditEventType.SIGN_IN_FAILED, pupilB, null, b.id(), "pupil-of-b");
            event(em, AuditEventType.SIGN_IN_FAILED, null, null, null, "unknown-identifier");
            lycee = a.id();
            college = b.id();
            return null;
        });
    }

    @AfterAll
    void close() {
        emf.close();
    }

    @Test
    void aSchoolAdminSeesTheirEstablishmentsEventsOnly() {
        assertEquals(List.of("establishment-a", "by-staff-of-a", "parent-of-a", "pupil-of-a"),
                details(new AdminScope(1, "a.moreau1", false, Set.of(lycee), Set.of()), AuditFilter.NONE));
        assertEquals(List.of("pupil-of-b"),
                details(new AdminScope(2, "b.garnier1", false, Set.of(college), Set.of()), AuditFilter.NONE));
        assertEquals(6, details(AdminScope.region(3, "r.admin1"), AuditFilter.NONE).size());
    }

    @Test
    void filtersByTypeIdentifierAndDays() {
        AdminScope region = AdminScope.region(3, "r.admin1");
        assertEquals(List.of("unknown-identifier", "pupil-of-b", "pupil-of-a"),
                details(region, new AuditFilter(AuditEventType.SIGN_IN_FAILED, null, null, null)));
        assertEquals(List.of("pupil-of-b"), details(region, new AuditFilter(null, " P.Beta1 ", null, null)));
        assertEquals(List.of("by-staff-of-a"), details(region, new AuditFilter(null, "t.alpha1", null, null)));
        assertEquals(6, details(region, new AuditFilter(null, null, LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 10))).size());
        assertEquals(0, details(region, new AuditFilter(null, null, LocalDate.of(2026, 11, 11), null)).size());
        assertEquals(0, details(region, new AuditFilter(null, null, null, LocalDate.of(2026, 11, 9))).size());
    }

    private List<String> details(AdminScope scope, AuditFilter filter) {
        return TestPersistenceUnit.inTransaction(emf, em -> AuditQuery.of(em, scope, filter, YEAR, PARIS, "select e",
                " order by e.occurredAt desc, e.id desc", AuditEvent.class).getResultList()
                .stream().map(AuditEvent::detail).toList());
    }

    private static Account account(jakarta.persistence.EntityManager em, String identifier, Profile profile) {
        Account account = new Account(identifier, "X", "Y", null, profile, NOW);
        em.persist(account);
        return account;
    }

    private static int minute;

    private static void event(jakarta.persistence.EntityManager em, AuditEventType type, Account account, Account actor,
                              Long establishmentId, String detail) {
        AuditEvent event = new AuditEvent(NOW.plusSeconds(60L * minute++), type, account == null ? null : account.id(),
                account == null ? "someone" : account.identifier(), "203.0.113.1", "test", detail, establishmentId);
        if (actor != null) {
            event.byStaff(actor.id(), actor.identifier());
        }
        em.persist(event);
    }
}
