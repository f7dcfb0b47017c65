package fr.ent.portal.incident.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.incident.control.IncidentBoard;
import fr.ent.portal.incident.entity.IncidentDraft;
import fr.ent.portal.incident.control.IncidentNotice;
import fr.ent.portal.incident.entity.Incident;
import fr.ent.portal.incident.entity.Severity;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;

/** The incident queries on the migrated schema (in-memory H2): not-ended notices with their establishments. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentQueriesTest {

    static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

    private EntityManagerFactory emf;

    @BeforeAll
    void boot() {
        emf = TestPersistenceUnit.migratedH2("incident-queries");
    }

    @AfterAll
    void close() {
        emf.close();
    }

    @Test
    void theBoardHoldsCurrentAndUpcomingNoticesWithTheirEstablishments() {
        long lycee = TestPersistenceUnit.inTransaction(emf, em -> {
            Establishment e = new Establishment("0771763Y", "Lycée", EstablishmentKind.LYCEE, "Créteil", "Melun");
            Establishment c = new Establishment("0860034V", "Collège", EstablishmentKind.COLLEGE, "Poitiers", "Châtellerault");
            em.persist(e);
            em.persist(c);
            em.persist(new Incident(new IncidentDraft("ended", "x", Severity.INFO, NOW.minusSeconds(7200),
                    NOW.minusSeconds(3600), true, Set.of()), NOW, "r.admin1"));
            em.persist(new Incident(new IncidentDraft("current", "x", Severity.OUTAGE, NOW.minusSeconds(60), null,
                    false, Set.of(e.id(), c.id())), NOW, "r.admin1"));
            em.persist(new Incident(new IncidentDraft("upcoming", "x", Severity.INFO, NOW.plusSeconds(3600),
                    NOW.plusSeconds(7200), true, Set.of()), NOW, "r.admin1"));
            return e.id();
        });
        List<IncidentNotice> notices = TestPersistenceUnit.inTransaction(emf, em -> em
                .createNamedQuery(Incident.NOT_ENDED, Incident.class).setParameter("now", NOW).getResultList()
                .stream().map(IncidentNotice::of).toList());
        assertEquals(List.of("current", "upcoming"), notices.stream().map(IncidentNotice::title).toList());
        assertEquals(2, notices.get(0).establishmentIds().size(), "both establishments, one row per notice");
        IncidentBoard board = new IncidentBoard(notices);
        assertEquals(List.of("current"), board.concerningAt(lycee, NOW).stream().map(IncidentNotice::title).toList());
        assertTrue(board.regionWideAt(NOW).isEmpty());
        assertEquals(2, board.establishmentsAffectedAt(NOW));
        int recent = TestPersistenceUnit.inTransaction(emf, em -> em.createNamedQuery(Incident.ALL_RECENT,
                Incident.class).setParameter("since", NOW.minusSeconds(86_400)).getResultList().size());
        assertEquals(3, recent, "ended within the day, current and upcoming");
    }
}
