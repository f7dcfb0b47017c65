package fr.ent.portal.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.signin.control.DeviceCookie;
import fr.ent.portal.sso.control.TicketIds;

/**
 * Issue 10: the values the portal signs and gives to browsers (waiting-room ticket {@code ent_wait}, trusted-browser
 * cookie) and the CAS ticket ids it accepts: forged, random, truncated or tampered input is never accepted, and
 * reading it never throws.
 */
class SignedValuesHostileInputTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-11-23T07:45:00Z");
    private static final WaitingTicket TICKETS = new WaitingTicket(KEY, Duration.ofMinutes(2));
    private static final DeviceCookie DEVICES = new DeviceCookie(KEY, Duration.ofDays(180));

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Property(tries = 500)
    void noForgedWaitingTicketIsInTheLine(@ForAll("texts") String value) {
        WaitingTicket.Status status = TICKETS.read(value, "epoch", NOW).status();
        assertTrue(status == WaitingTicket.Status.ABSENT || status == WaitingTicket.Status.FORGED, status + " " + value);
    }

    @Property(tries = 500)
    void aTamperedWaitingTicketIsForged(@ForAll @IntRange(min = 0, max = 500) int position, @ForAll("texts") String insert) {
        String genuine = TICKETS.admit("epoch", 12, NOW.minusSeconds(60), NOW);
        String tampered = tamper(genuine, position, insert);
        if (!tampered.equals(genuine)) {
            assertNotEquals(WaitingTicket.Status.ADMITTED, TICKETS.read(tampered, "epoch", NOW).status(), tampered);
        }
    }

    @Property(tries = 500)
    void noForgedDeviceCookieIsTrusted(@ForAll("texts") String value) {
        assertFalse(DEVICES.read(value, NOW).isPresent(), value);
    }

    @Property(tries = 500)
    void aTamperedDeviceCookieIsInvalid(@ForAll @IntRange(min = 0, max = 500) int position, @ForAll("texts") String insert) {
        String genuine = DEVICES.issue(null, 42, NOW.minusSeconds(60));
        String tampered = tamper(genuine, position, insert);
        if (!tampered.equals(genuine)) {
            assertTrue(DEVICES.read(tampered, NOW).isEmpty(), tampered);
        }
    }

    @Property(tries = 500)
    void onlyOurServiceTicketShapeIsLookedUp(@ForAll("texts") String value) {
        if (TicketIds.wellFormed(value)) {
            assertTrue(value.matches("ST-[A-Za-z0-9_-]{43}"), value);
        }
        assertFalse(TicketIds.wellFormed(value + "\u0000"));
    }

    /** The value with {@code insert} replacing one character at {@code position} (wrapped to the value's length). */
    private static String tamper(String value, int position, String insert) {
        int at = position % value.length();
        return value.substring(0, at) + insert + value.substring(Math.min(value.length(), at + 1));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(HostileCorpus.strings(), Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
                .ofMaxLength(200).map(s -> "v1." + s)).injectNull(0.02);
    }
}
