package fr.ent.portal.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.junit.jupiter.api.Test;

/**
 * The shared line keeps every rule of the local one (the inherited tests), and two lines over one store (two nodes
 * over one data grid) are one line.
 */
class SharedWaitingLineTest extends WaitingLineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:45:00Z");

    @Override
    WaitingLine newLine(Duration admittedValidity) {
        return new SharedWaitingLine(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), admittedValidity);
    }

    @Test
    void twoNodesOverOneStoreShareNumbersAndPlaces() {
        ConcurrentMap<String, SharedWaitingLine.State> grid = new ConcurrentHashMap<>();
        ConcurrentMap<String, Instant> expected = new ConcurrentHashMap<>();
        WaitingLine nodeA = new SharedWaitingLine(grid, expected, Duration.ofMinutes(2));
        WaitingLine nodeB = new SharedWaitingLine(grid, expected, Duration.ofMinutes(2));
        assertEquals(nodeA.epoch(), nodeB.epoch());
        long fromA = nodeA.join(T0, T0.plusSeconds(30));
        long fromB = nodeB.join(T0, T0.plusSeconds(30));
        assertEquals(fromA + 1, fromB, "one numbering for the whole cluster");
        assertEquals(1, nodeB.advance(1, T0));
        assertTrue(nodeB.claim(fromA, T0), "A's ticket admitted and claimed on B");
        assertFalse(nodeA.claim(fromA, T0), "a place claimed on B cannot be claimed again on A");
    }

    @Test
    void theStoredTextRoundTrips() {
        SharedWaitingLine.State state = new SharedWaitingLine.State("a1b2c3", 7, 5,
                java.util.Map.of(5L, T0.plusMillis(123)), java.util.Map.of(4L, T0.plusSeconds(120)));
        String text = SharedWaitingLine.codec().encode(state);
        assertEquals(state, SharedWaitingLine.codec().decode(text));
        assertEquals(text, SharedWaitingLine.codec().encode(SharedWaitingLine.codec().decode(text)));
    }
}
