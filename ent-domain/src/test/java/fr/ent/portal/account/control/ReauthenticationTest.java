package fr.ent.portal.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Issue 20, item 4: the recovery email changes without the password again only within 5 minutes of typing it. */
class ReauthenticationTest {

    private static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);

    @Test
    void aPasswordTypedLessThanFiveMinutesAgoIsEnough() {
        assertTrue(Reauthentication.recentEnough(NOW, NOW, WINDOW));
        assertTrue(Reauthentication.recentEnough(NOW.minus(Duration.ofMinutes(4)), NOW, WINDOW));
        assertTrue(Reauthentication.recentEnough(NOW.minus(WINDOW).plusMillis(1), NOW, WINDOW));
    }

    @Test
    void anOlderOneAFutureOneOrNoneAsksAgain() {
        assertFalse(Reauthentication.recentEnough(NOW.minus(WINDOW), NOW, WINDOW), "at the edge");
        assertFalse(Reauthentication.recentEnough(NOW.minus(Duration.ofHours(2)), NOW, WINDOW));
        assertFalse(Reauthentication.recentEnough(null, NOW, WINDOW), "a remembered device typed nothing");
        assertFalse(Reauthentication.recentEnough(NOW.plusSeconds(30), NOW, WINDOW), "a clock step back");
    }
}
