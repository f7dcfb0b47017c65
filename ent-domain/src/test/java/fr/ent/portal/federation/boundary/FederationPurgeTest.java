package fr.ent.portal.federation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.ent.portal.federation.entity.AccessToken;
import fr.ent.portal.federation.entity.AuthorizationCode;
import fr.ent.portal.federation.entity.Grant;
import fr.ent.portal.federation.entity.RefreshToken;
import fr.ent.portal.federation.entity.SamlRequestSeen;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.platform.time.MutableClock;

/**
 * The purge timer's statements on a migrated H2: what expired goes, what is still valid (or still needed to recognise
 * a replay) stays; two nodes purging one after the other (or at once) remove nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationPurgeTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final Grant GRANT = new Grant("ent-purge", 42, null, "openid", NOW.minusSeconds(600), "pwd");

    private final MutableClock clock = new MutableClock(NOW, ZoneId.of("Europe/Paris"));
    private EntityManagerFactory emf;

    @BeforeAll
    void boot() {
        emf = TestPersistenceUnit.migratedH2("federation-purge-test");
    }

    @AfterAll
    void close() {
        emf.close();
    }

    @Test
    void expiredCodesTokensAndSamlRequestIdsAreDeletedAndTheValidOnesKept() {
        Duration replayWindow = FederationPurge.KEPT_AFTER_EXPIRY;
        inTransaction(em -> {
            em.persist(new AuthorizationCode("code-old", GRANT, "https://rp.example/cb", null, null,
                    NOW.minus(replayWindow).minusSeconds(1)));
            em.persist(new AuthorizationCode("code-replay-window", GRANT, "https://rp.example/cb", null, null,
                    NOW.minusSeconds(30)));
            em.persist(new AuthorizationCode("code-live", GRANT, "https://rp.example/cb", null, null, NOW.plusSeconds(30)));
            em.persist(new AccessToken("access-old", GRANT, NOW.minusSeconds(1)));
            em.persist(new AccessToken("access-live", GRANT, NOW.plusSeconds(60)));
            em.persist(new RefreshToken("refresh-old", "f1", GRANT, NOW.minus(replayWindow).minusSeconds(1)));
            em.persist(new RefreshToken("refresh-live", "f2", GRANT, NOW.plusSeconds(3600)));
            em.persist(new SamlRequestSeen("https://sp.example", "_old", NOW.minusSeconds(1)));
            em.persist(new SamlRequestSeen("https://sp.example", "_live", NOW.plusSeconds(60)));
        });

        FederationPurge.Purged first = purge();
        assertEquals(new FederationPurge.Purged(1, 1, 1, 1), first);
        inTransaction(em -> {
            assertNull(em.find(AuthorizationCode.class, "code-old"));
            assertNotNull(em.find(AuthorizationCode.class, "code-replay-window"), "a replay is still recognised");
            assertNotNull(em.find(AuthorizationCode.class, "code-live"));
            assertNull(em.find(AccessToken.class, "access-old"));
            assertNotNull(em.find(AccessToken.class, "access-live"));
            assertNull(em.find(RefreshToken.class, "refresh-old"));
            assertNotNull(em.find(RefreshToken.class, "refresh-live"));
            assertNull(em.find(SamlRequestSeen.class, new SamlRequestSeen.Key("https://sp.example", "_old")));
            assertNotNull(em.find(SamlRequestSeen.class, new SamlRequestSeen.Key("https://sp.example", "_live")));
        });

        assertEquals(0, purge().total(), "a second node right after finds nothing left to delete");
        clock.advance(replayWindow.plusMinutes(1));
        assertEquals(new FederationPurge.Purged(2, 1, 0, 1), purge(), "later, the rest as it expires");
    }

    private FederationPurge.Purged purge() {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            FederationPurge purge = new FederationPurge();
            purge.em = em;
            purge.clock = clock;
            FederationPurge.Purged purged = purge.purge();
            em.getTransaction().commit();
            return purged;
        } finally {
            em.close();
        }
    }

    private void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }
}
