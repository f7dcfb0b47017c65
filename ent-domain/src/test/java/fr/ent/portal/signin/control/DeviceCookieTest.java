package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import fr.ent.portal.signin.control.DeviceCookie.ReadResult;
import fr.ent.portal.signin.control.DeviceCookie.Status;
import fr.ent.portal.signin.control.DeviceCookie.Trusted;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DeviceCookieTest {

    private static final byte[] KEY = key(1);
    private static final Duration MAX_AGE = Duration.ofDays(180);

    private final DeviceCookie cookie = new DeviceCookie(KEY, MAX_AGE);
    private final Instant now = Instant.parse("2026-11-10T08:00:00Z");

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        key[31] = 42;
        return key;
    }

    @Test
    void roundTrip() {
        String value = cookie.issue(null, 1234L, now);
        assertTrue(value.startsWith("v1."), value);
        assertTrue(value.matches("[A-Za-z0-9_.-]+"), "URL-safe: " + value);
        ReadResult result = cookie.inspect(value, now.plusSeconds(60));
        assertEquals(Status.VALID, result.status());
        Trusted trusted = result.trusted().orElseThrow();
        assertEquals(List.of(1234L), trusted.accountIds());
        assertEquals(now, trusted.issuedAt());
        assertTrue(trusted.trusts(1234L));
        assertFalse(trusted.trusts(99L));
        assertEquals(22, trusted.deviceId().length());
        assertEquals(Optional.of(trusted), cookie.read(value, now.plusSeconds(60)));
    }

    @Test
    void reissueKeepsTheDeviceAndPutsTheLatestAccountFirstWithoutDuplicates() {
        String first = cookie.issue(null, 1L, now);
        String deviceId = cookie.read(first, now).orElseThrow().deviceId();
        String second = cookie.issue(first, 2L, now.plusSeconds(10));
        String third = cookie.issue(second, 1L, now.plusSeconds(20));
        Trusted trusted = cookie.read(third, now.plusSeconds(30)).orElseThrow();
        assertEquals(List.of(1L, 2L), trusted.accountIds());
        assertEquals(deviceId, trusted.deviceId(), "the device id is stable");
        assertEquals(now.plusSeconds(20), trusted.issuedAt());
        assertNotEquals(deviceId, cookie.read(cookie.issue(null, 1L, now), now).orElseThrow().deviceId(),
                "another browser, another id");
    }

    @Test
    void atMostTheTenMostRecentAccountsAreKept() {
        String value = null;
        for (long id = 1; id <= 15; id++) {
            value = cookie.issue(value, id, now);
        }
        assertEquals(LongStream.rangeClosed(6, 15).map(i -> 21 - i).boxed().toList(),
                cookie.read(value, now).orElseThrow().accountIds());
        assertTrue(value.length() <= DeviceCookie.MAX_VALUE_LENGTH);
        String big = null;
        for (int i = 0; i < 20; i++) {
            big = cookie.issue(big, Long.MAX_VALUE - i, now);
        }
        assertTrue(big.length() <= DeviceCookie.MAX_VALUE_LENGTH, "" + big.length());
        assertEquals(10, cookie.read(big, now).orElseThrow().accountIds().size());
    }

    @Test
    void aValueExpiresAfterItsMaximumAgeSinceItsLastIssue() {
        String value = cookie.issue(null, 7L, now);
        assertEquals(Status.VALID, cookie.inspect(value, now.plus(MAX_AGE).minusSeconds(1)).status());
        assertEquals(Status.EXPIRED, cookie.inspect(value, now.plus(MAX_AGE)).status());
        assertEquals(Optional.empty(), cookie.read(value, now.plus(MAX_AGE)));
        String renewed = cookie.issue(value, 7L, now.plus(MAX_AGE).minusSeconds(1));
        assertEquals(Status.VALID, cookie.inspect(renewed, now.plus(MAX_AGE).plusSeconds(3600)).status());
        String afterExpiry = cookie.issue(value, 8L, now.plus(MAX_AGE));
        assertEquals(List.of(8L), cookie.read(afterExpiry, now.plus(MAX_AGE)).orElseThrow().accountIds(),
                "an expired value gives nothing to the new one");
    }

    @Test
    void absentValidInvalidAreTold() {
        assertEquals(Status.ABSENT, cookie.inspect(null, now).status());
        assertEquals(Status.ABSENT, cookie.inspect("", now).status());
        String value = cookie.issue(null, 5L, now);
        for (String bad : List.of("garbage", "v1.", "v1..", "v1.abc", "v1.abc.def", value.substring(0, value.length() - 1),
                value.substring(0, value.lastIndexOf('.')), value.replaceFirst("^v1", "v2"), value + "A", value + ".x",
                "v1." + "A".repeat(2000), "v1.\u00e9\u00e9.\u00e9", value.replace('.', '!'))) {
            ReadResult result = cookie.inspect(bad, now);
            assertEquals(Status.INVALID, result.status(), bad);
            assertTrue(result.trusted().isEmpty());
        }
    }

    @Test
    void aForgedPayloadWithoutTheKeyIsInvalid() {
        String value = cookie.issue(null, 5L, now);
        String[] parts = value.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = payload.replace("|5", "|6");
        String forged = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedPayload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertEquals(Status.INVALID, cookie.inspect(forged, now).status());
    }

    @Test
    void differentKeysDoNotVerifyEachOther() {
        DeviceCookie other = new DeviceCookie(key(2), MAX_AGE);
        assertEquals(Status.INVALID, other.inspect(cookie.issue(null, 5L, now), now).status());
        assertEquals(Status.INVALID, cookie.inspect(other.issue(null, 5L, now), now).status());
        assertEquals(List.of(5L), other.read(other.issue(cookie.issue(null, 4L, now), 5L, now), now).orElseThrow().accountIds(),
                "a value of another key is not carried over");
    }

    @Test
    void theKeyMustBeLongEnough() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceCookie(new byte[31], MAX_AGE));
        assertThrows(IllegalArgumentException.class, () -> new DeviceCookie(null, MAX_AGE));
        assertThrows(IllegalArgumentException.class, () -> new DeviceCookie(KEY, Duration.ZERO));
    }

    @Test
    void theKeyIsCopied() {
        byte[] key = key(3);
        DeviceCookie copying = new DeviceCookie(key, MAX_AGE);
        String value = copying.issue(null, 1L, now);
        Arrays.fill(key, (byte) 0);
        assertEquals(Status.VALID, copying.inspect(value, now).status());
    }

    @Property(tries = 1000)
    void changingAnySingleCharacterInvalidates(@ForAll @LongRange(min = 1, max = 10_000_000) long accountId,
            @ForAll @IntRange(min = 0, max = 2000) int position, @ForAll("cookieChars") char replacement) {
        String value = cookie.issue(cookie.issue(null, 99L, now), accountId, now);
        int index = position % value.length();
        Assume.that(value.charAt(index) != replacement);
        String tampered = value.substring(0, index) + replacement + value.substring(index + 1);
        assertEquals(Status.INVALID, cookie.inspect(tampered, now).status(), tampered);
    }

    @Property(tries = 500)
    void arbitraryTextNeverThrowsAndIsNeverValid(@ForAll String text) {
        ReadResult result = cookie.inspect(text, now);
        assertTrue(result.status() == Status.INVALID || (text.isEmpty() && result.status() == Status.ABSENT));
        assertTrue(cookie.inspect("v1." + text, now).trusted().isEmpty());
        cookie.issue(text, 1L, now);
    }

    @Provide
    Arbitrary<Character> cookieChars() {
        return Arbitraries.chars().with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ");
    }
}
