package fr.ent.portal.mfa.control;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238's test vectors (appendix B, SHA-1 key), the ±1 step window and single use. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(US_ASCII);

    /** RFC 6238 gives 8 digits; a 6-digit code is their last six (the same truncation, modulo 10^6). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238Vectors(long unixSeconds, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertEquals(eightDigits.substring(2), Totp.code(RFC_KEY, step));
    }

    @Test
    void theStepsBeforeAndAfterAreAcceptedNotFurther() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, null));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, null));
        assertTrue(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, null).isEmpty());
        assertTrue(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now, null).isEmpty());
    }

    @Test
    void aCodeWorksOnceAndNoOlderOneAfterIt() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.step(now);
        String code = Totp.code(RFC_KEY, step);
        assertEquals(OptionalLong.of(step), Totp.matchingStep(RFC_KEY, code, now, step - 1));
        assertTrue(Totp.matchingStep(RFC_KEY, code, now, step).isEmpty(), "the same step again");
        assertTrue(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, step).isEmpty(), "an older step");
    }

    @Test
    void malformedCodesAreRefused() {
        Instant now = Instant.ofEpochSecond(59);
        for (String typed : new String[] {null, "", "28708", "2870821", "28708a", "２８７０８２", "-87082"}) {
            assertTrue(Totp.matchingStep(RFC_KEY, typed, now, null).isEmpty(), String.valueOf(typed));
        }
        assertEquals(OptionalLong.of(1), Totp.matchingStep(RFC_KEY, " 287 082 ", now, null), "spaces are ignored");
    }

    @Test
    void theKeyUriCarriesTheBase32SecretAndTheIssuer() {
        String uri = Totp.keyUri("ENT ent.example.fr", "a.moreau1", RFC_KEY);
        assertEquals("otpauth://totp/ENT%20ent.example.fr:a.moreau1?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=ENT%20ent.example.fr&algorithm=SHA1&digits=6&period=30", uri);
    }

    @Test
    void base32RoundTrips() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(RFC_KEY));
        assertEquals("12345678901234567890", new String(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), US_ASCII));
        assertEquals("GEZD GNBV", Base32.grouped("GEZDGNBV"));
        assertEquals("MZXW6", Base32.encode("foo".getBytes(US_ASCII)));
    }
}
