package fr.ent.portal.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.platform.time.MutableClock;

/** The trail on a migrated in-memory H2 (the container's REQUIRES_NEW is the test's own transaction here). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T08:00:00Z"), ZoneId.of("Europe/Paris"));
    private EntityManagerFactory emf;

    @BeforeAll
    void boot() {
        emf = TestPersistenceUnit.migratedH2("audit-trail-test");
    }

    @AfterAll
    void close() {
        emf.close();
    }

    private void record(AuditEventType type, Long accountId, String identifier, String detail) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            AuditTrail trail = new AuditTrail();
            trail.em = em;
            trail.clock = clock;
            trail.record(type, accountId, identifier, "203.0.113.7", "Mozilla/5.0 " + "x".repeat(400), detail);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void recentEventsOfAnAccountComeNewestFirst() {
        record(AuditEventType.SIGN_IN_FAILED, 42L, "J.Dupont1", "bad_password");
        record(AuditEventType.SIGN_IN_FAILED, null, "nobody" + "z".repeat(100), "unknown_identifier");
        record(AuditEventType.ACCOUNT_LOCKED, 42L, "j.dupont1", null);
        record(AuditEventType.SIGN_IN_SUCCEEDED, 42L, "j.dupont1", null);

        EntityManager em = emf.createEntityManager();
        try {
            AuditTrail trail = new AuditTrail();
            trail.em = em;
            trail.clock = clock;
            List<AuditEvent> recent = trail.recentForAccount(42L, 2);
            assertEquals(List.of(AuditEventType.SIGN_IN_SUCCEEDED, AuditEventType.ACCOUNT_LOCKED),
                    recent.stream().map(AuditEvent::type).toList());
            assertEquals(Instant.parse("2026-11-10T08:03:00Z"), recent.get(0).occurredAt());
            assertEquals(255, recent.get(0).userAgent().length());
            assertEquals("203.0.113.7", recent.get(0).clientIp());
            assertNull(recent.get(1).detail());
            assertEquals(3, trail.recentForAccount(42L, 50).size());
            AuditEvent unknown = em.createQuery("select e from AuditEvent e where e.accountId is null", AuditEvent.class)
                    .getSingleResult();
            assertEquals(64, unknown.identifier().length());
            assertEquals("unknown_identifier", unknown.detail());
        } finally {
            em.close();
        }
    }
}
