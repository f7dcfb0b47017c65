package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.ent.portal.federation.entity.FederationKey;

/**
 * A rotation publishes the new key at once and signs with it only after the publication delay, the previous key signing
 * meanwhile and staying published for the overlap after that (fixed clocks, no database).
 */
class KeyScheduleTest {

    static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
    static final Duration DELAY = Duration.ofMinutes(2);
    static final Duration OVERLAP = Duration.ofDays(2);

    static KeySchedule at(Instant now) {
        return new KeySchedule(Clock.fixed(now, ZoneOffset.UTC), DELAY, OVERLAP);
    }

    static FederationKey key(String kid, Instant created, Instant signsFrom) {
        return new FederationKey(kid, "RS256", "{}", "sealed", created, signsFrom);
    }

    @Test
    void aRotatedKeyIsPublishedAtOnceAndSignsOnlyAfterTheDelayThePreviousSigningMeanwhile() {
        FederationKey first = key("a", T0.minus(Duration.ofDays(30)), T0.minus(Duration.ofDays(30)));
        Instant rotation = T0;
        KeySchedule now = at(rotation);
        FederationKey fresh = key("b", rotation, now.firstUse());
        now.rotate(List.of(first, fresh), fresh);
        List<FederationKey> keys = List.of(fresh, first);

        assertTrue(fresh.publishedAt(rotation), "the new key is published at once");
        assertEquals(Optional.of(first), now.signer(keys), "the previous key still signs");
        assertEquals(Optional.of(first), at(rotation.plus(DELAY).minusSeconds(1)).signer(keys));
        assertEquals(Optional.of(fresh), at(rotation.plus(DELAY)).signer(keys), "the delay over: the new key signs");
        assertTrue(first.publishedAt(rotation.plus(DELAY).plus(OVERLAP).minusSeconds(1)),
                "the previous key stays published for the overlap after the new one signs");
        assertFalse(first.publishedAt(rotation.plus(DELAY).plus(OVERLAP)));
        assertEquals(Optional.of(fresh), at(rotation.plus(DELAY).plus(OVERLAP)).signer(keys));
    }

    @Test
    void twoRotationsWithinTheDelaySignInTheirOrderAndAKeyOfBeforeTheMigrationSignsFromItsCreation() {
        FederationKey old = new FederationKey("a", "RS256", "{}", "sealed", T0.minus(Duration.ofDays(1)));
        assertEquals(old.createdAt(), old.signsFrom());
        FederationKey second = key("b", T0, at(T0).firstUse());
        at(T0).rotate(List.of(old), second);
        FederationKey third = key("c", T0.plusSeconds(10), at(T0.plusSeconds(10)).firstUse());
        at(T0.plusSeconds(10)).rotate(List.of(old, second), third);
        List<FederationKey> keys = List.of(third, second, old);
        assertEquals(Optional.of(old), at(T0.plusSeconds(11)).signer(keys));
        assertEquals(Optional.of(second), at(T0.plus(DELAY)).signer(keys));
        assertEquals(Optional.of(third), at(T0.plusSeconds(10).plus(DELAY)).signer(keys));
        assertEquals(T0.plus(DELAY).plus(OVERLAP), old.retireAfter(), "the earliest end of overlap is kept");
    }

    @Test
    void noKeyMaySignBeforeItsTimeSoAFirstKeyIsMadeToSignAtOnce() {
        FederationKey early = key("a", T0, T0.plus(DELAY));
        assertEquals(Optional.empty(), at(T0).signer(List.of(early)));
        assertEquals(T0, key("z", T0, T0.minusSeconds(5)).signsFrom(), "never before its creation");
        assertEquals(T0, new KeySchedule(Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(-3), OVERLAP).firstUse());
    }
}
