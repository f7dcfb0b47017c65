package fr.ent.portal.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.boundary.EstablishmentsAccess;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;

/** The boundaries' use cases on a migrated in-memory H2, the container's injections done by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-10T08:00:00Z"), ZoneId.of("Europe/Paris"));
    private EntityManagerFactory emf;

    @BeforeAll
    void boot() {
        emf = TestPersistenceUnit.migratedH2("accounts-test");
    }

    @AfterAll
    void close() {
        emf.close();
    }

    private <T> T inTransaction(EntityManager em, Supplier<T> work) {
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.get();
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
        }
    }

    private Accounts accounts(EntityManager em) {
        Accounts accounts = new Accounts();
        accounts.em = em;
        accounts.clock = clock;
        return accounts;
    }

    @Test
    void createNumbersHomonymsAndFindIgnoresCase() {
        EntityManager em = emf.createEntityManager();
        Accounts accounts = accounts(em);
        Account first = inTransaction(em, () -> accounts.create("Jean", "Dupont", null, Profile.TEACHER));
        Account second = inTransaction(em, () -> accounts.create("Jeanne", "Dupont", null, Profile.TEACHER));
        Account other = inTransaction(em, () -> accounts.create("Zoé", "D'Artagnan-Lefèvre",
                LocalDate.of(2012, 1, 2), Profile.PUPIL));
        assertEquals("j.dupont1", first.identifier());
        assertEquals("j.dupont2", second.identifier());
        assertEquals("z.dartagnanlefevre1", other.identifier());
        assertEquals(AccountStatus.PROVISIONAL, first.status());
        assertEquals(clock.instant(), first.createdAt());
        em.clear();

        assertEquals(second.id(), accounts.findByIdentifier("  J.Dupont2 ").orElseThrow().id());
        assertTrue(accounts.findByIdentifier("j.dupont9").isEmpty());
        assertTrue(accounts.findByIdentifier(null).isEmpty());

        BusinessException blank = assertThrows(BusinessException.class,
                () -> inTransaction(em, () -> accounts.create(" ", "Dupont", null, Profile.TEACHER)));
        assertEquals("account.name.invalid", blank.key());
        em.close();
    }

    @Test
    void aDuplicateUaiIsAConflict() {
        EntityManager em = emf.createEntityManager();
        var establishments = EstablishmentsAccess.with(em);
        inTransaction(em, () -> establishments.create(
                new Establishment("0860034V", "Collège Jules Ferry", EstablishmentKind.COLLEGE, "Poitiers", "Châtellerault")));
        ConflictException duplicate = assertThrows(ConflictException.class, () -> inTransaction(em,
                () -> establishments.create(new Establishment("0860034v", "Autre", EstablishmentKind.COLLEGE, "Poitiers", "Niort"))));
        assertEquals("establishment.uai.taken", duplicate.key());
        em.clear();
        Establishment found = establishments.findByUai(" 0860034v").orElseThrow();
        assertEquals("Collège Jules Ferry", found.name());
        assertEquals(1, establishments.list().size());
        em.close();
    }
}
