package fr.ent.portal.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

import fr.ent.portal.account.boundary.Accounts;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.account.entity.PendingAction;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.platform.UniqueConstraints;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.AssignmentRole;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Runs the Flyway migrations, then boots Hibernate with {@code hbm2ddl.auto=validate} (a mapping that disagrees
 * with the SQL fails here), then loads the demo twice. In-memory H2 by default; PostgreSQL when
 * {@code -Dent.test.db.url=jdbc:postgresql://127.0.0.1:5432/test} (user {@code ent.test.db.user}, default
 * postgres), whose schema is cleaned first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMappingTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A date in the middle of a school year; the demo's school years are computed from it. */
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-10T08:00:00Z"), PARIS);

    private final PasswordHashing hashing = new PasswordHashing(19 * 1024, 2, 1, 2);
    private EntityManagerFactory emf;

    @BeforeAll
    void migrateAndBoot() {
        DataSource dataSource = dataSource();
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load();
        if (!isH2()) {
            flyway.clean();
        }
        flyway.migrate();
        emf = TestPersistenceUnit.entityManagerFactory(dataSource);
    }

    @AfterAll
    void close() {
        if (emf != null) {
            emf.close();
        }
    }

    private static String url() {
        String url = System.getProperty("ent.test.db.url", "");
        return url.isBlank() ? "jdbc:h2:mem:schema-mapping-test;DB_CLOSE_DELAY=-1" : url.strip();
    }

    private static boolean isH2() {
        return url().startsWith("jdbc:h2:");
    }

    private static DataSource dataSource() {
        if (isH2()) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url());
            h2.setUser("sa");
            h2.setPassword("");
            return h2;
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url());
        pg.setUser(System.getProperty("ent.test.db.user", "postgres"));
        pg.setPassword(System.getProperty("ent.test.db.password", ""));
        return pg;
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return TestPersistenceUnit.inTransaction(emf, work);
    }

    @Test
    void demoLoadsOnceWithItsStatedSecretsAndSchooling() {
        boolean loaded = inTransaction(em -> new DemoDataSet(em, hashing, clock).loadIfAbsent());
        assertTrue(loaded);
        long accounts = count("select count(a) from Account a");
        long enrollments = count("select count(e) from Enrollment e");
        long services = count("select count(s) from OfferedService s");

        boolean again = inTransaction(em -> new DemoDataSet(em, hashing, clock).loadIfAbsent());
        assertFalse(again, "a second start must not load the demo again");
        assertEquals(accounts, count("select count(a) from Account a"));
        assertEquals(enrollments, count("select count(e) from Enrollment e"));
        assertEquals(services, count("select count(s) from OfferedService s"));
        assertEquals(3, count("select count(e) from Establishment e where e.uai in ('"
                + DemoDataSet.LYCEE_UAI + "','" + DemoDataSet.COLLEGE_UAI + "','" + DemoDataSet.TOULOUSE_UAI + "')"));

        inTransaction(em -> {
            Map<String, Account> demo = em.createQuery(
                            "select a from Account a where a.identifier in :ids", Account.class)
                    .setParameter("ids", DemoDataSet.demoIdentifiers())
                    .getResultStream().collect(Collectors.toMap(Account::identifier, a -> a));
            assertEquals(DemoDataSet.demoIdentifiers().size(), demo.size(), demo.keySet().toString());

            Instant expiry = clock.instant().plus(Duration.ofDays(90));
            assertProvisional(demo.get("l.martin1"), DemoDataSet.PUPIL_CODE, expiry);
            assertProvisional(demo.get("c.durand1"), DemoDataSet.PARENT_CODE, expiry);
            assertNull(demo.get("l.martin1").recoveryEmail());
            assertActive(demo.get("s.bernard1"), DemoDataSet.BERNARD_PASSWORD);
            assertActive(demo.get("p.petit1"), DemoDataSet.TEACHER_PASSWORD);
            assertActive(demo.get("a.moreau1"), DemoDataSet.SCHOOL_ADMIN_PASSWORD);
            assertActive(demo.get("r.admin1"), DemoDataSet.REGION_ADMIN_PASSWORD);
            assertEquals("s.bernard@example.org", demo.get("s.bernard1").recoveryEmail());
            assertTrue(demo.get("s.bernard1").hasVerifiedEmail());
            assertEquals(Profile.REGION_ADMIN, demo.get("r.admin1").profile());

            SchoolYear thisYear = SchoolYear.startingIn(2026);
            Account theo = byIdentifier(em, "t.bernard1");
            Map<SchoolYear, String> theoSchools = em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                    .setParameter("pupil", theo).getResultStream()
                    .collect(Collectors.toMap(Enrollment::schoolYear, e -> e.establishment().uai()));
            assertEquals(Map.of(thisYear, DemoDataSet.LYCEE_UAI, thisYear.previous(), DemoDataSet.COLLEGE_UAI),
                    theoSchools);
            List<Responsibility> bernard = responsibilities(em, demo.get("s.bernard1"));
            assertEquals(1, bernard.size());
            assertTrue(bernard.get(0).isAttached());

            List<Responsibility> durand = responsibilities(em, demo.get("c.durand1"));
            assertEquals(List.of("e.durand1", "m.durand1"),
                    durand.stream().map(r -> r.pupil().identifier()).sorted().toList());
            assertTrue(durand.stream().noneMatch(Responsibility::isAttached));
            assertEquals(java.time.LocalDate.of(2012, 3, 14), byIdentifier(em, "e.durand1").birthDate());
            assertEquals(DemoDataSet.COLLEGE_UAI, enrollmentsOf(em, "e.durand1").get(0).establishment().uai());
            assertEquals(DemoDataSet.LYCEE_UAI, enrollmentsOf(em, "m.durand1").get(0).establishment().uai());
            assertEquals("2nde B", enrollmentsOf(em, "l.martin1").get(0).division());
            assertEquals("Créteil", enrollmentsOf(em, "l.martin1").get(0).establishment().academie());

            List<Assignment> petit = em.createNamedQuery(Assignment.OF_STAFF, Assignment.class)
                    .setParameter("staff", demo.get("p.petit1")).setParameter("schoolYear", thisYear)
                    .getResultList();
            assertTrue(petit.stream().anyMatch(a -> a.role() == AssignmentRole.PRINCIPAL_TEACHER
                    && "2nde B".equals(a.division()) && DemoDataSet.LYCEE_UAI.equals(a.establishment().uai())));

            Establishment toulouse = em.createNamedQuery(Establishment.BY_UAI, Establishment.class)
                    .setParameter("uai", DemoDataSet.TOULOUSE_UAI).getSingleResult();
            assertEquals(List.of("Pronote", "Médiacentre", "PIX"),
                    toulouse.services().stream().map(s -> s.name()).toList());
            for (String uai : List.of(DemoDataSet.LYCEE_UAI, DemoDataSet.COLLEGE_UAI, DemoDataSet.TOULOUSE_UAI)) {
                long pupils = em.createQuery("select count(e) from Enrollment e where e.establishment.uai = :uai"
                                + " and e.schoolYear = :year", Long.class)
                        .setParameter("uai", uai).setParameter("year", thisYear).getSingleResult();
                assertTrue(pupils >= 4, uai + " has " + pupils + " pupils");
            }
            return null;
        });
    }

    @Test
    void identifiersAndUaiCodesAreUnique() {
        inTransaction(em -> {
            em.persist(new Account("j.dupont1", "Jean", "Dupont", null, Profile.TEACHER, clock.instant()));
            em.persist(new Account("j.dupont2", "Jeanne", "Dupont", null, Profile.TEACHER, clock.instant()));
            em.persist(new Account("j.duponte4", "Julie", "Duponte", null, Profile.TEACHER, clock.instant()));
            em.flush();
            assertEquals("j.dupont3", Accounts.nextIdentifier(em, "Jacques", "Dupont"));
            assertEquals("j.duponte5", Accounts.nextIdentifier(em, "Jo", "Duponte"));
            assertEquals("z.dartagnanlefevre1", Accounts.nextIdentifier(em, "Zoé", "D'Artagnan-Lefèvre"));
            return null;
        });
        PersistenceException duplicate = assertThrows(PersistenceException.class, () -> inTransaction(em -> {
            em.persist(new Account("j.dupont1", "Jean", "Dupont", null, Profile.TEACHER, clock.instant()));
            em.flush();
            return null;
        }));
        assertTrue(UniqueConstraints.violated(duplicate, "uk_account_identifier"), duplicate.toString());

        inTransaction(em -> {
            em.persist(new Establishment("0010001W", "École du Lac", EstablishmentKind.ECOLE, "Lyon", "Bourg"));
            return null;
        });
        PersistenceException sameUai = assertThrows(PersistenceException.class, () -> inTransaction(em -> {
            em.persist(new Establishment("0010001W", "École bis", EstablishmentKind.ECOLE, "Lyon", "Bourg"));
            em.flush();
            return null;
        }));
        assertTrue(UniqueConstraints.violated(sameUai, "uk_establishment_uai"), sameUai.toString());
    }

    @Test
    void beanValidationGuardsPersistence() {
        ConstraintViolationException invalid = assertThrows(ConstraintViolationException.class, () -> inTransaction(em -> {
            em.persist(new Establishment("0010001X", "École fausse", EstablishmentKind.ECOLE, "Lyon", "Bourg"));
            em.flush();
            return null;
        }));
        assertEquals("{establishment.uai.invalid}",
                invalid.getConstraintViolations().iterator().next().getMessageTemplate());
    }

    @Test
    void accountStateSurvivesARoundTrip() {
        Long id = inTransaction(em -> {
            Account account = new Account("r.roundtrip1", "Rémi", "Roundtrip", null, Profile.LEGAL_REPRESENTATIVE,
                    clock.instant());
            account.issueProvisionalCode("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", clock.instant().plusSeconds(60));
            em.persist(account);
            return account.id();
        });
        inTransaction(em -> {
            Account account = em.find(Account.class, id);
            assertEquals(AccountStatus.PROVISIONAL, account.status());
            assertEquals(EnumSet.of(PendingAction.CHANGE_PASSWORD, PendingAction.RECORD_EMAIL,
                    PendingAction.ACCEPT_CHARTER), account.pendingActions());
            assertEquals(clock.instant().plusSeconds(60), account.provisionalCodeExpiresAt());
            account.completeFirstConnection("$argon2id$new", "Remi@Example.org", clock.instant());
            return null;
        });
        inTransaction(em -> {
            Account account = em.find(Account.class, id);
            assertEquals(AccountStatus.ACTIVE, account.status());
            assertEquals(EnumSet.of(PendingAction.VERIFY_EMAIL), account.pendingActions());
            assertEquals(1L, em.createNamedQuery(Account.BY_RECOVERY_EMAIL, Account.class)
                    .setParameter("email", "remi@example.org").getResultList().size());
            assertTrue(account.version() > 0);
            return null;
        });
    }

    private void assertProvisional(Account account, String code, Instant expiry) {
        assertEquals(AccountStatus.PROVISIONAL, account.status(), account.identifier());
        assertNull(account.passwordHash(), account.identifier());
        assertTrue(hashing.verify(account.provisionalCodeHash(), fr.ent.portal.credential.control.ProvisionalCodes.normalize(code).toCharArray()), account.identifier());
        assertEquals(expiry, account.provisionalCodeExpiresAt());
        assertEquals(EnumSet.of(PendingAction.CHANGE_PASSWORD, PendingAction.RECORD_EMAIL, PendingAction.ACCEPT_CHARTER),
                account.pendingActions(), account.identifier());
    }

    private void assertActive(Account account, String password) {
        assertEquals(AccountStatus.ACTIVE, account.status(), account.identifier());
        assertTrue(hashing.verify(account.passwordHash(), password.toCharArray()), account.identifier());
        assertFalse(hashing.verify(account.passwordHash(), (password + "x").toCharArray()), account.identifier());
        assertNull(account.provisionalCodeHash(), account.identifier());
        assertTrue(account.pendingActions().isEmpty(), account.identifier() + " " + account.pendingActions());
    }

    private long count(String jpql) {
        return inTransaction(em -> em.createQuery(jpql, Long.class).getSingleResult());
    }

    private static Account byIdentifier(EntityManager em, String identifier) {
        return em.createNamedQuery(Account.BY_IDENTIFIER, Account.class)
                .setParameter("identifier", identifier).getSingleResult();
    }

    private static List<Enrollment> enrollmentsOf(EntityManager em, String identifier) {
        return em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                .setParameter("pupil", byIdentifier(em, identifier)).getResultList();
    }

    private static List<Responsibility> responsibilities(EntityManager em, Account representative) {
        return em.createNamedQuery(Responsibility.OF_REPRESENTATIVE, Responsibility.class)
                .setParameter("representative", representative).getResultList();
    }

}
