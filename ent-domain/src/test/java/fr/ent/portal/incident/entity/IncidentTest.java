package fr.ent.portal.incident.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;


class IncidentTest {

    static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

    @Test
    void endingNowRemovesACurrentNoticeAndVoidsAnUpcomingOne() {
        Incident current = new Incident(new IncidentDraft(" Lenteurs ", " Texte ", Severity.DISRUPTION,
                NOW.minusSeconds(600), null, true, Set.of()), NOW, "r.admin1");
        assertEquals("Lenteurs", current.title(), "trimmed");
        assertTrue(current.isCurrentAt(NOW));
        current.endAt(NOW);
        assertFalse(current.isCurrentAt(NOW));
        assertTrue(current.isPastAt(NOW));
        assertEquals(NOW.minusSeconds(600), current.startsAt(), "the start is kept");

        Incident upcoming = new Incident(new IncidentDraft("t", "x", Severity.INFO, NOW.plusSeconds(3600),
                NOW.plusSeconds(7200), true, Set.of()), NOW, "r.admin1");
        assertTrue(upcoming.isUpcomingAt(NOW));
        upcoming.endAt(NOW);
        assertFalse(upcoming.isUpcomingAt(NOW));
        assertFalse(upcoming.isCurrentAt(NOW));
        assertFalse(upcoming.isCurrentAt(NOW.plusSeconds(4000)), "never shown later");
    }

    @Test
    void allEstablishmentsOrAChosenSet() {
        Incident some = new Incident(new IncidentDraft("t", "x", Severity.OUTAGE, NOW, null, false, Set.of(4L, 5L)),
                NOW, "r.admin1");
        assertTrue(some.concerns(4L));
        assertFalse(some.concerns(6L));
        some.change(new IncidentDraft("t", "x", Severity.OUTAGE, NOW, null, true, Set.of(4L)));
        assertTrue(some.concerns(6L));
        assertTrue(some.establishmentIds().isEmpty(), "a notice for all keeps no list");
        assertNull(some.endsAt());
    }

    @Test
    void severityIsParsedByNameAndRankedByGravity() {
        assertEquals(Severity.OUTAGE, Severity.parse(" outage "));
        assertNull(Severity.parse("CRITICAL"));
        assertNull(Severity.parse(null));
        assertTrue(Severity.OUTAGE.rank() > Severity.DISRUPTION.rank());
        assertTrue(Severity.DISRUPTION.rank() > Severity.INFO.rank());
    }
}
