package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The guards before the secret check, without a server: each refuses on its own, with the reason the audit records. */
class SignInGuardsTest {

    private static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");

    private final SignInThrottle throttle = new SignInThrottle(3, List.of(Duration.ofMinutes(1)), 1000);
    private final SignInGuards guards = new SignInGuards(new IpRateLimiter(2, 1, List.of(), 1000), throttle);

    @Test
    void aBlankFormIsRefusedWithoutAnAuditEvent() {
        for (Optional<SignInGuards.Refusal> blank : List.of(SignInGuards.blank("", "x".toCharArray()),
                SignInGuards.blank("l.martin1", new char[0]), SignInGuards.blank(null, null))) {
            assertTrue(blank.isPresent());
            assertFalse(blank.get().audited());
        }
        assertEquals(Optional.empty(), SignInGuards.blank("l.martin1", "x".toCharArray()));
    }

    @Test
    void anAddressOverItsRateIsRefusedAndAudited() {
        assertEquals(Optional.empty(), guards.ipRate("203.0.113.5", NOW));
        assertEquals(Optional.empty(), guards.ipRate("203.0.113.5", NOW));
        Optional<SignInGuards.Refusal> third = guards.ipRate("203.0.113.5", NOW);
        assertEquals("ip-rate-limited", third.orElseThrow().auditReason());
        assertEquals(Optional.empty(), guards.ipRate("203.0.113.6", NOW), "another address has its own bucket");
        assertEquals(Optional.empty(), guards.ipRate("203.0.113.5", NOW.plusSeconds(61)), "the bucket refills");
    }

    @Test
    void theHoldCountsBeforeTheHashAndRefusesOnceReached() {
        for (int i = 0; i < 3; i++) {
            SignInThrottle.Attempt counted = guards.count("l.martin1", null, NOW);
            assertEquals(Optional.empty(), SignInGuards.held(counted), "attempt " + (i + 1));
            throttle.wrong("l.martin1", null, counted, NOW);
        }
        SignInThrottle.Attempt fourth = guards.count("l.martin1", null, NOW);
        assertEquals("held", SignInGuards.held(fourth).orElseThrow().auditReason());
        assertEquals(Optional.empty(), SignInGuards.held(guards.count("l.martin2", null, NOW)), "per identifier");
        assertEquals(Optional.empty(), SignInGuards.held(guards.count("l.martin1", null, NOW.plus(Duration.ofMinutes(2)))),
                "the hold ends");
    }
}
