package fr.ent.portal.audit.boundary;

import java.time.Clock;

import jakarta.persistence.EntityManager;

/** An {@link AuditTrail} wired by hand (tests of other packages' boundaries, outside a container). */
public final class TestAuditTrails {

    private TestAuditTrails() {
    }

    public static AuditTrail of(EntityManager em, Clock clock) {
        AuditTrail audit = new AuditTrail();
        audit.em = em;
        audit.clock = clock;
        return audit;
    }
}
