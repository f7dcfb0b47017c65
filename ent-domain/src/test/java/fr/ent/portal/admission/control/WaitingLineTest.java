package fr.ent.portal.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.ent.portal.admission.control.WaitingLine.Arrival;

class WaitingLineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:45:00Z");
    /** Holders reload every few seconds; they are expected back within 30 s. */
    static final Instant BACK_BY = T0.plusSeconds(30);
    private final WaitingLine line = newLine(Duration.ofMinutes(2));

    /** The implementation under test; {@link SharedWaitingLineTest} runs the same rules on the shared one. */
    WaitingLine newLine(Duration admittedValidity) {
        return new LocalWaitingLine(admittedValidity);
    }

    @Test
    void ticketsAreAdmittedInOrderAsRoomAppears() {
        long first = line.join(T0, BACK_BY);
        long second = line.join(T0, BACK_BY);
        long third = line.join(T0, BACK_BY);
        assertEquals(3, line.waiting());
        assertEquals(0, line.ahead(first));
        assertEquals(2, line.ahead(third));

        assertEquals(1, line.advance(1, T0));
        assertEquals(first, line.admittedUpTo());
        assertEquals(0, line.advance(1, T0), "the admitted place is kept until claimed");
        assertEquals(0, line.ahead(second));

        assertTrue(line.claim(first, T0));
        assertEquals(1, line.advance(1, T0));
        assertEquals(second, line.admittedUpTo());
        assertEquals(1, line.advance(5, T0), "only the tickets issued are admitted");
        assertEquals(third, line.admittedUpTo());
        assertEquals(0, line.waiting());
    }

    @Test
    void anAdmittedPlaceIsClaimedOnceThenIsAReplay() {
        long ticket = line.join(T0, BACK_BY);
        line.advance(1, T0);
        assertTrue(line.claim(ticket, T0));
        assertFalse(line.claim(ticket, T0), "replayed");
        assertFalse(line.claim(ticket + 1, T0), "never admitted");
    }

    @Test
    void aHolderWhoCameForTheirPlaceKeepsItForTheAdmittedValidity() {
        long first = line.join(T0, BACK_BY);
        long second = line.join(T0, T0.plusSeconds(300));
        line.advance(1, T0);
        assertEquals(Arrival.ADMITTED, line.arrived(first, 1, T0.plusSeconds(5)));
        assertEquals(0, line.advance(1, T0.plusSeconds(124)), "kept 2 min from the arrival");
        assertEquals(1, line.advance(1, T0.plusSeconds(125)));
        assertEquals(second, line.admittedUpTo());
        assertFalse(line.claim(first, T0.plusSeconds(125)), "lapsed");
    }

    @Test
    void anAdmittedPlaceNobodyComesForLapsesWhenItsHolderWasExpected() {
        long first = line.join(T0, BACK_BY);
        long second = line.join(T0, BACK_BY.plusSeconds(60));
        line.advance(1, T0);
        assertEquals(0, line.advance(1, T0.plusSeconds(29)));
        assertEquals(1, line.advance(1, T0.plusSeconds(30)), "the abandoned place blocked the line for 30 s, not 2 min");
        assertEquals(second, line.admittedUpTo());
        assertFalse(line.claim(first, T0.plusSeconds(30)));
    }

    @Test
    void abandonedTicketsArePassedOverAndNeverBlockTheLine() {
        for (int i = 0; i < 1000; i++) {
            line.join(T0, BACK_BY); // a burst of visitors who closed the tab at once
        }
        long stayed = line.join(T0, BACK_BY);
        line.present(stayed, T0.plusSeconds(60)); // reloads the waiting room
        assertEquals(1, line.advance(5, T0.plusSeconds(31)), "the 1,000 absent tickets are passed over at once");
        assertEquals(stayed, line.admittedUpTo());
        assertEquals(0, line.waiting());
        assertEquals(Arrival.ADMITTED, line.arrived(stayed, 5, T0.plusSeconds(32)));
        assertTrue(line.claim(stayed, T0.plusSeconds(40)));
    }

    @Test
    void aHolderBackLateGetsInWhenThereIsRoomAndWaitsAtTheFrontOtherwise() {
        long late = line.join(T0, BACK_BY);
        long next = line.join(T0, T0.plusSeconds(300));
        line.advance(1, T0.plusSeconds(40));
        assertEquals(next, line.admittedUpTo(), "the late holder was passed over, the next one admitted");
        assertEquals(Arrival.WAIT, line.arrived(late, 1, T0.plusSeconds(45)), "no room: still at the front");
        assertEquals(Arrival.ADMITTED, line.arrived(late, 2, T0.plusSeconds(46)));
        assertTrue(line.claim(late, T0.plusSeconds(50)));
        assertEquals(Arrival.GONE, line.arrived(late, 2, T0.plusSeconds(51)), "claimed already");
    }

    @Test
    void aPassedOverPlaceIsForgottenAfterTheAdmittedValidity() {
        long late = line.join(T0, BACK_BY);
        line.advance(1, T0.plusSeconds(40));
        assertEquals(Arrival.GONE, line.arrived(late, 5, T0.plusSeconds(160)));
        assertEquals(Arrival.GONE, line.arrived(99, 5, T0), "never issued");
    }

    @Test
    void noRoomAdmitsNobody() {
        line.join(T0, BACK_BY);
        assertEquals(0, line.advance(0, T0));
        assertEquals(1, line.waiting());
    }

    @Test
    void resetEmptiesTheLineAndStartsANewEpoch() {
        String epoch = line.epoch();
        line.join(T0, BACK_BY);
        line.reset();
        assertEquals(0, line.waiting());
        assertEquals(0, line.lastIssued());
        assertNotEquals(epoch, line.epoch());
    }
}
