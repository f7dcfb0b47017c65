package fr.ent.portal.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WaitingLineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:45:00Z");
    private final WaitingLine line = newLine(Duration.ofMinutes(2));

    /** The implementation under test; {@link SharedWaitingLineTest} runs the same rules on the shared one. */
    WaitingLine newLine(Duration admittedValidity) {
        return new LocalWaitingLine(admittedValidity);
    }

    @Test
    void ticketsAreAdmittedInOrderAsRoomAppears() {
        long first = line.join(T0);
        long second = line.join(T0);
        long third = line.join(T0);
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
        long ticket = line.join(T0);
        line.advance(1, T0);
        assertTrue(line.claim(ticket, T0));
        assertFalse(line.claim(ticket, T0), "replayed");
        assertFalse(line.claim(ticket + 1, T0), "never admitted");
    }

    @Test
    void aPlaceNotClaimedInTimeLapsesAndFreesTheRoom() {
        long first = line.join(T0);
        long second = line.join(T0);
        line.advance(1, T0);
        assertEquals(0, line.advance(1, T0.plusSeconds(119)));
        assertEquals(1, line.advance(1, T0.plusSeconds(120)));
        assertEquals(second, line.admittedUpTo());
        assertFalse(line.claim(first, T0.plusSeconds(120)));
    }

    @Test
    void noRoomAdmitsNobody() {
        line.join(T0);
        assertEquals(0, line.advance(0, T0));
        assertEquals(1, line.waiting());
    }

    @Test
    void resetEmptiesTheLineAndStartsANewEpoch() {
        String epoch = line.epoch();
        line.join(T0);
        line.reset();
        assertEquals(0, line.waiting());
        assertEquals(0, line.lastIssued());
        assertNotEquals(epoch, line.epoch());
    }
}
