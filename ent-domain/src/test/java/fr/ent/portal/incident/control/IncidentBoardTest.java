package fr.ent.portal.incident.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.incident.entity.Severity;

class IncidentBoardTest {

    static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");

    static IncidentNotice notice(long id, Severity severity, Instant from, Instant until, Set<Long> where) {
        return new IncidentNotice(id, 0, "t" + id, "x", severity, from, until, where.isEmpty(), where);
    }

    @Test
    void currentMeansStartedAndNotEndedWithTheEndExcluded() {
        IncidentNotice notice = notice(1, Severity.INFO, NOW, NOW.plusSeconds(60), Set.of());
        assertTrue(notice.isCurrentAt(NOW), "from the start instant");
        assertTrue(notice.isCurrentAt(NOW.plusSeconds(59)));
        assertFalse(notice.isCurrentAt(NOW.plusSeconds(60)), "not at the end instant");
        assertFalse(notice.isCurrentAt(NOW.minusSeconds(1)), "not before the start");
        assertTrue(notice(2, Severity.INFO, NOW, null, Set.of()).isCurrentAt(NOW.plusSeconds(86_400 * 365)),
                "open-ended");
    }

    @Test
    void eachPageGetsItsShareMostSevereFirst() {
        IncidentNotice regionInfo = notice(1, Severity.INFO, NOW.minusSeconds(600), null, Set.of());
        IncidentNotice regionOutage = notice(2, Severity.OUTAGE, NOW.minusSeconds(60), NOW.plusSeconds(600), Set.of());
        IncidentNotice lycee = notice(3, Severity.DISRUPTION, NOW.minusSeconds(60), null, Set.of(10L, 11L));
        IncidentNotice college = notice(4, Severity.DISRUPTION, NOW.minusSeconds(60), null, Set.of(11L, 12L));
        IncidentNotice upcoming = notice(5, Severity.OUTAGE, NOW.plusSeconds(3600), null, Set.of());
        IncidentNotice ended = notice(6, Severity.OUTAGE, NOW.minusSeconds(3600), NOW.minusSeconds(1), Set.of());
        IncidentBoard board = new IncidentBoard(List.of(regionInfo, lycee, upcoming, college, regionOutage, ended));

        assertEquals(List.of(2L, 3L, 4L, 1L), board.currentAt(NOW).stream().map(IncidentNotice::id).toList());
        assertEquals(List.of(2L, 1L), board.regionWideAt(NOW).stream().map(IncidentNotice::id).toList());
        assertEquals(List.of(2L, 3L, 1L), board.concerningAt(10L, NOW).stream().map(IncidentNotice::id).toList());
        assertEquals(List.of(2L, 1L), board.concerningAt(null, NOW).stream().map(IncidentNotice::id).toList());
        assertEquals(3, board.establishmentsAffectedAt(NOW), "10, 11 and 12, each counted once");
        assertEquals(List.of(5L, 1L), new IncidentBoard(List.of(regionInfo, upcoming))
                .currentAt(NOW.plusSeconds(3600)).stream().map(IncidentNotice::id).toList(), "upcoming starts on time");
        assertTrue(IncidentBoard.EMPTY.currentAt(NOW).isEmpty());
    }
}
