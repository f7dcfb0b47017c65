package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Issue 25, item 1: a school's STSWeb export through the import engine against the demo data in H2: the staff
 * accounts, their classes and the principal teachers are created; a re-import changes nothing; a later export that
 * drops a staff member and changes a principal teacher removes exactly those roles and lists the leaver; no pupil's
 * enrollment ends (the export lists no pupil).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffImportTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private final LocalDate today = LocalDate.now(clock);
    private final SchoolYear year = SchoolYear.current(clock);
    private EntityManagerFactory emf;
    private byte[] sample;

    @BeforeAll
    void setUp() throws Exception {
        emf = TestPersistenceUnit.migratedH2("staff-import-test");
        PasswordHashing hashing = new PasswordHashing(1024, 1, 1, 2);
        TestPersistenceUnit.inTransaction(emf, em -> new DemoDataSet(em, hashing, clock).loadIfAbsent());
        sample = Files.readAllBytes(SiecleReaderTest.SAMPLES.resolve("sts_emp_0771763Y_2026.xml"));
    }

    @AfterAll
    void close() {
        emf.close();
    }

    private ImportPlan plan(byte[] content) {
        return TestPersistenceUnit.inTransaction(emf, em -> {
            Establishment lycee = lycee(em);
            return ImportRun.plan(em, lycee, ImportRun.read(List.of(content), lycee, today, 1 << 20, 1000), today, year);
        });
    }

    private void write(ImportPlan plan) {
        TestPersistenceUnit.inTransaction(emf, em -> new ImportWriter(em, clock.instant(), today, year, lycee(em).id(), 3)
                .write(plan, new ImportProgress()));
    }

    private static Establishment lycee(EntityManager em) {
        return em.createNamedQuery(Establishment.BY_UAI, Establishment.class).setParameter("uai", DemoDataSet.LYCEE_UAI)
                .getSingleResult();
    }

    /** The registry staff's roles at the lycée: "lastName role division". */
    private Set<String> roles() {
        return TestPersistenceUnit.inTransaction(emf, em -> {
            Set<String> roles = new TreeSet<>();
            em.createQuery("select a.lastName, s.role, s.division from Assignment s join s.staff a"
                    + " where a.externalId like 'creteil:personnel:%'", Object[].class).getResultList()
                    .forEach(r -> roles.add(r[0] + " " + r[1] + " " + r[2]));
            return roles;
        });
    }

    private long activeEnrollments() {
        return TestPersistenceUnit.inTransaction(emf, em -> em.createQuery("select count(e) from Enrollment e"
                + " where e.endDate is null", Long.class).getSingleResult());
    }

    @Test
    void staffClassesAndPrincipalTeachersThenNoChangeThenALeaverAndANewPrincipal() {
        long enrolled = activeEnrollments();
        ImportPlan first = plan(sample);
        assertEquals(List.of(), first.errors());
        assertEquals(3, first.staff().count(Action.CREATE));
        assertEquals(2, first.staff().principals());
        assertEquals(List.of(), first.ends(), "an STSWeb export lists no pupil: nobody's enrollment ends");
        write(first);
        assertEquals(new TreeSet<>(Set.of("BELKACEM TEACHER null", "BELKACEM TEACHER 2nde B",
                "BELKACEM TEACHER Terminale A", "BELKACEM PRINCIPAL_TEACHER Terminale A", "MARCHAND TEACHER null",
                "MARCHAND TEACHER 2nde B", "MARCHAND PRINCIPAL_TEACHER 2nde B", "LECLERC TEACHER null")), roles());
        assertEquals(enrolled, activeEnrollments());
        String leclerc = TestPersistenceUnit.inTransaction(emf, em -> em.createQuery("select a.externalId from Account a"
                + " where a.lastName = 'LECLERC'", String.class).getSingleResult());
        assertEquals("creteil:personnel:0771763Y-91003", leclerc);

        ImportPlan again = plan(sample);
        assertTrue(again.staff().unchanged(), "a re-import changes nothing: " + again.staff());
        assertEquals(3, again.staff().count(Action.UNCHANGED));

        // the next export: LECLERC left, MARCHAND becomes principal teacher of Terminale A instead of BELKACEM
        String next = new String(sample, Charset.forName("ISO-8859-15"))
                .replaceAll("(?s)<INDIVIDU ID=\"91003\".*?</INDIVIDU>", "")
                .replace("<PROF_PRINC><INDIVIDU_ID>91002</INDIVIDU_ID>", "<PROF_PRINC><INDIVIDU_ID>91001</INDIVIDU_ID>");
        ImportPlan changed = plan(next.getBytes(Charset.forName("ISO-8859-15")));
        assertEquals(List.of(), changed.errors());
        assertEquals(List.of("LECLERC"), changed.staff().leavers().stream().map(StaffPlan.Leaver::lastName).toList());
        assertEquals(2, changed.staff().toRemove().size());
        assertEquals(List.of(new StaffPlan.Role("creteil:personnel:0771763Y-91001", "Terminale A", true)),
                changed.staff().toAdd());
        write(changed);
        assertEquals(new TreeSet<>(Set.of("BELKACEM TEACHER null", "BELKACEM TEACHER 2nde B",
                "BELKACEM TEACHER Terminale A", "MARCHAND PRINCIPAL_TEACHER Terminale A", "MARCHAND TEACHER null",
                "MARCHAND TEACHER 2nde B", "MARCHAND PRINCIPAL_TEACHER 2nde B")), roles());
        assertTrue(plan(next.getBytes(Charset.forName("ISO-8859-15"))).staff().unchanged());
    }

    @Test
    void badStaffRecordsAndAnotherEstablishmentsExportAreRefused() {
        String text = new String(sample, Charset.forName("ISO-8859-15"));
        ImportPlan bad = plan(text.replace("<NOM_USAGE>BELKACEM</NOM_USAGE>", "<NOM_USAGE>=cmd|' /C calc'!A0</NOM_USAGE>")
                .replace("<INDIVIDU_ID>91001</INDIVIDU_ID>", "<INDIVIDU_ID>99999</INDIVIDU_ID>")
                .getBytes(Charset.forName("ISO-8859-15")));
        assertEquals(Set.of("admin.import.row.formula", "admin.import.row.unknown_person"),
                Set.copyOf(bad.errors().stream().map(RowError::key).toList()));
        assertTrue(!bad.confirmable());
        RegistryFileRefused other = org.junit.jupiter.api.Assertions.assertThrows(RegistryFileRefused.class,
                () -> plan(text.replace("CODE=\"0771763Y\"", "CODE=\"0860034V\"").getBytes(Charset.forName("ISO-8859-15"))));
        assertEquals("wrong-establishment", other.code());
    }
}
