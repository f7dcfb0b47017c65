package fr.ent.portal.activation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.SchoolYear;

/** The dashboard's GROUP BY query on a migrated in-memory H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivationCountsTest {

    private static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 10);
    private static final SchoolYear YEAR = SchoolYear.startingIn(2026);
    private EntityManagerFactory emf;
    private long establishmentId;

    @BeforeAll
    void load() {
        emf = TestPersistenceUnit.migratedH2("activation-counts-test");
        establishmentId = TestPersistenceUnit.inTransaction(emf, em -> {
            Establishment lycee = new Establishment("0771763Y", "Lycée", EstablishmentKind.LYCEE, "Créteil", "Melun");
            em.persist(lycee);
            int[] n = {0};
            java.util.function.BiFunction<String, String, Account> pupil = (division, state) -> {
                Account a = new Account("p.pupil" + (++n[0]), "P", "Pupil" + n[0], LocalDate.of(2011, 1, 1),
                        Profile.PUPIL, NOW);
                switch (state) {
                    case "active" -> a.changePassword("$argon2id$hash");
                    case "pending" -> a.issueProvisionalCode("$argon2id$code", NOW.plusSeconds(3600));
                    case "expired" -> a.issueProvisionalCode("$argon2id$code", NOW.minusSeconds(60));
                    case "disabled" -> a.disable();
                    default -> { }
                }
                em.persist(a);
                em.persist(new Enrollment(a, lycee, division, YEAR));
                return a;
            };
            for (String state : List.of("active", "active", "pending", "expired", "none", "disabled")) {
                pupil.apply("2nde A", state);
            }
            pupil.apply("2nde B", "pending");
            Account left = pupil.apply("2nde B", "none");
            em.createQuery("select e from Enrollment e where e.pupil = :p", Enrollment.class).setParameter("p", left)
                    .getSingleResult().end(LocalDate.of(2026, 10, 1));
            Account lastYear = new Account("o.old1", "O", "Old", null, Profile.PUPIL, NOW);
            em.persist(lastYear);
            em.persist(new Enrollment(lastYear, lycee, "2nde A", YEAR.previous()));
            return lycee.id();
        });
    }

    @AfterAll
    void close() {
        emf.close();
    }

    @Test
    void countsEachStatePerClassOfThisYear() {
        List<ClassFigures> figures = TestPersistenceUnit.inTransaction(emf,
                em -> ActivationCounts.perDivision(em, establishmentId, null, YEAR, TODAY, NOW));
        assertEquals(List.of(new ClassFigures("2nde A", 2, 1, 1, 1, 1), new ClassFigures("2nde B", 0, 1, 0, 0, 0)),
                figures);
        assertEquals(3, figures.get(0).toActivate());
        assertEquals(6, figures.get(0).total());
    }

    @Test
    void aPrincipalTeacherSeesOnlyTheirClasses() {
        List<ClassFigures> figures = TestPersistenceUnit.inTransaction(emf,
                em -> ActivationCounts.perDivision(em, establishmentId, Set.of("2nde B"), YEAR, TODAY, NOW));
        assertEquals(1, figures.size());
        assertEquals("2nde B", figures.get(0).division());
        assertEquals(List.of(), TestPersistenceUnit.inTransaction(emf,
                em -> ActivationCounts.perDivision(em, establishmentId, Set.of(), YEAR, TODAY, NOW)));
    }

    @Test
    void whoStillHasToActivate() {
        List<Account> pupils = TestPersistenceUnit.inTransaction(emf,
                em -> ActivationCounts.toActivate(em, establishmentId, "2nde A", YEAR, TODAY));
        assertEquals(3, pupils.size()); // pending, expired, without code; not the active nor the disabled ones
    }
}
