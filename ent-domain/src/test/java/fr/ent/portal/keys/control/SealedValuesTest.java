package fr.ent.portal.keys.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.signin.control.DeviceCookie;

/**
 * Issue 22 item 2: the one codec of signed values. A value opens only for the purpose and the portal key it was sealed
 * with, unchanged; the remembered-device cookie and the waiting-room ticket are sealed by it and refuse each other's
 * values even under the same portal key.
 */
class SealedValuesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SealedValues casReturn = new SealedValues("cas-return", key(1));

    @Test
    void aSealedValueOpensWithItsFieldsForItsPurposeOnly() {
        String value = casReturn.seal("v1", "1765094100", "aHR0cHM6Ly9leGFtcGxlLm9yZw");
        assertArrayEquals(new String[] {"v1", "1765094100", "aHR0cHM6Ly9leGFtcGxlLm9yZw"},
                casReturn.open(value, 3, 4000).orElseThrow());
        assertTrue(new SealedValues("oidc-return", key(1)).open(value, 3, 4000).isEmpty(),
                "sealed for one purpose, refused for another under the same portal key");
        assertTrue(new SealedValues("cas-return", key(2)).open(value, 3, 4000).isEmpty(), "another portal's key");
    }

    @Test
    void forgedTruncatedOrOversizedValuesOpenToNothing() {
        String value = casReturn.seal("v1", "1765094100", "c2VydmljZQ");
        String[] refused = {value.replace(".1765094100.", ".1765094101."), value.substring(0, value.length() - 1),
                value + "A", value.substring(0, value.lastIndexOf('.')), "v1.1765094100.c2VydmljZQ.", "", "x", "."};
        for (String forged : refused) {
            assertTrue(casReturn.open(forged, 3, 4000).isEmpty(), forged);
        }
        assertTrue(casReturn.open(null, 3, 4000).isEmpty());
        assertTrue(casReturn.open(value, 2, 4000).isEmpty(), "another number of fields");
        assertTrue(casReturn.open(value, 3, value.length() - 1).isEmpty(), "too long");
        assertFalse(casReturn.verify("v1", null));
        assertThrows(IllegalArgumentException.class, () -> new SealedValues("cas-return", new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new SealedValues(" ", key(1)));
    }

    @Test
    void theKeyIsThePurposesKeyOfThePortalKey() {
        // the same bytes as SigningKeys.key(purpose) gave before the codec: values in browsers stay valid
        byte[] purposeKey = MasterKey.derive(key(1), "cas-return");
        String text = "v1.1765094100.c2VydmljZQ";
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(purposeKey, "HmacSHA256"));
            String expected = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(expected, casReturn.sign(text));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDeviceCookieAndAWaitingTicketRefuseEachOthersValues() {
        byte[] portal = key(7);
        DeviceCookie devices = new DeviceCookie(portal, Duration.ofDays(180));
        WaitingTicket tickets = new WaitingTicket(portal, Duration.ofMinutes(2));
        String device = devices.issue(null, 42L, NOW);
        String ticket = tickets.admit("e1", 3, NOW, NOW);
        assertEquals(DeviceCookie.Status.VALID, devices.inspect(device, NOW).status());
        assertEquals(WaitingTicket.Status.ADMITTED, tickets.read(ticket, "e1", NOW).status());
        assertEquals(DeviceCookie.Status.INVALID, devices.inspect(ticket, NOW).status(), "a ticket is no device cookie");
        assertEquals(WaitingTicket.Status.FORGED, tickets.read(device, "e1", NOW).status(), "a device cookie is no ticket");
        // a value of the right shape sealed for another purpose (here the CAS return's) is refused by both
        SealedValues other = new SealedValues("cas-return", portal);
        String payload = device.split("\\.")[1];
        assertEquals(DeviceCookie.Status.INVALID, devices.inspect(other.seal("v1", payload), NOW).status());
        String ticketPayload = ticket.split("\\.")[1];
        assertEquals(WaitingTicket.Status.FORGED, tickets.read(other.seal("v1", ticketPayload), "e1", NOW).status());
    }

    @Test
    void expiredValuesAreRefusedByTheirClass() {
        byte[] portal = key(7);
        DeviceCookie devices = new DeviceCookie(portal, Duration.ofDays(180));
        WaitingTicket tickets = new WaitingTicket(portal, Duration.ofMinutes(2));
        assertEquals(DeviceCookie.Status.EXPIRED,
                devices.inspect(devices.issue(null, 42L, NOW), NOW.plus(Duration.ofDays(180))).status());
        assertEquals(WaitingTicket.Status.EXPIRED,
                tickets.read(tickets.admit("e1", 3, NOW, NOW), "e1", NOW.plusSeconds(120)).status());
    }

    @Test
    void aClassTakesOnlyACodecOfItsOwnPurpose() {
        SealedValues other = new SealedValues("cas-return", key(7));
        assertThrows(IllegalArgumentException.class, () -> DeviceCookie.sealedBy(other, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> WaitingTicket.sealedBy(other, Duration.ofMinutes(2)));
        assertEquals("SealedValues[cas-return]", other.toString(), "never the key");
    }
}
