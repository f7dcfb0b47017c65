package fr.ent.portal.admission.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class WaitingTicketTest {

    private static final Instant T0 = Instant.parse("2026-11-23T07:45:00Z");
    private static final byte[] KEY = new byte[32];
    private final WaitingTicket tickets = new WaitingTicket(KEY, Duration.ofMinutes(2));

    @Test
    void aWaitingTicketReadsBackWithItsNumber() {
        String value = tickets.issue("e1", 7, T0);
        WaitingTicket.Read read = tickets.read(value, "e1", T0.plusSeconds(30));
        assertEquals(WaitingTicket.Status.WAITING, read.status());
        assertEquals(7, read.number());
        assertEquals(T0, read.issuedAt());
    }

    @Test
    void anAdmittedTicketIsValidForTheAdmittedValidityOnly() {
        String value = tickets.admit("e1", 7, T0, T0.plusSeconds(60));
        assertEquals(WaitingTicket.Status.ADMITTED, tickets.read(value, "e1", T0.plusSeconds(179)).status());
        assertEquals(WaitingTicket.Status.EXPIRED, tickets.read(value, "e1", T0.plusSeconds(180)).status());
    }

    @Test
    void oldTicketsAndTicketsOfAnotherLineAreExpired() {
        String value = tickets.issue("e1", 7, T0);
        assertEquals(WaitingTicket.Status.EXPIRED, tickets.read(value, "e2", T0).status());
        assertEquals(WaitingTicket.Status.EXPIRED, tickets.read(value, "e1", T0.plus(WaitingTicket.WAITING_VALIDITY)).status());
        assertTrue(tickets.read(value, "e2", T0).refused());
    }

    @Test
    void forgedTamperedOrGarbageTicketsAreForged() {
        String value = tickets.issue("e1", 7, T0);
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 1);
        String other = new WaitingTicket(otherKey, Duration.ofMinutes(2)).admit("e1", 1, T0, T0);
        String[] forged = {other, value.substring(0, value.length() - 1) + (value.endsWith("A") ? "B" : "A"),
                value.replaceFirst("\\.[^.]+\\.", ".ZTF8MXwwfDA."), "v1.x", "garbage", "v1." + "x".repeat(400)};
        for (String f : forged) {
            assertEquals(WaitingTicket.Status.FORGED, tickets.read(f, "e1", T0).status(), f);
        }
        assertEquals(WaitingTicket.Status.ABSENT, tickets.read(null, "e1", T0).status());
        assertEquals(WaitingTicket.Status.ABSENT, tickets.read("", "e1", T0).status());
    }
}
