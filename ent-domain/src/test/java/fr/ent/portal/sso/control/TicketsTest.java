package fr.ent.portal.sso.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Service tickets: random, single use, bound to their service URL, short-lived. */
class TicketsTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String SERVICE = "https://pronote.example.fr/pronote/";

    static ServiceTicket ticket(String id, boolean fromNewLogin) {
        return new ServiceTicket(id, SERVICE, 7, 42, 3, NOW, NOW.plusSeconds(10), NOW.minusSeconds(60), fromNewLogin);
    }

    @Test
    void idsCarry256RandomBitsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = TicketIds.newServiceTicket();
            assertTrue(TicketIds.wellFormed(id), id);
            assertTrue(seen.add(id), "no repeat");
        }
        assertTrue(TicketIds.RANDOM_BYTES * 8 >= 128);
        assertEquals(3 + 43, TicketIds.newServiceTicket().length(), "ST- and 32 bytes in Base64url");
        assertFalse(TicketIds.wellFormed("PT-" + TicketIds.newServiceTicket().substring(3)), "a proxy ticket");
        assertFalse(TicketIds.wellFormed("ST-1"));
        assertFalse(TicketIds.wellFormed(null));
    }

    @Test
    void aTicketIsTakenOnce() {
        ServiceTickets tickets = new ServiceTickets();
        String id = TicketIds.newServiceTicket();
        tickets.put(ticket(id, false), NOW);
        assertTrue(tickets.take(id).isPresent());
        assertTrue(tickets.take(id).isEmpty(), "replayed");
        assertEquals(0, tickets.waiting());
    }

    @Test
    void forgedIdsAreNeverLookedUp() {
        LocalTicketStore store = new LocalTicketStore();
        store.put(ticket("not-an-id", false));
        assertTrue(new ServiceTickets(store).take("not-an-id").isEmpty());
    }

    @Test
    void theCheckGivesTheCasCode() {
        Optional<ServiceTicket> t = Optional.of(ticket(TicketIds.newServiceTicket(), false));
        assertEquals(TicketCheck.VALID, TicketCheck.of(t, SERVICE, false, NOW.plusSeconds(9)));
        assertEquals(TicketCheck.EXPIRED, TicketCheck.of(t, SERVICE, false, NOW.plusSeconds(10)));
        assertEquals(TicketCheck.UNKNOWN, TicketCheck.of(Optional.empty(), SERVICE, false, NOW));
        assertEquals(TicketCheck.OTHER_SERVICE, TicketCheck.of(t, "https://mediacentre.example.fr/", false, NOW));
        assertEquals(TicketCheck.OTHER_SERVICE, TicketCheck.of(t, SERVICE + "x", false, NOW), "exact service URL");
        assertEquals(TicketCheck.NOT_FROM_NEW_LOGIN, TicketCheck.of(t, SERVICE, true, NOW));
        assertEquals(TicketCheck.VALID,
                TicketCheck.of(Optional.of(ticket(TicketIds.newServiceTicket(), true)), SERVICE, true, NOW));
        assertEquals("INVALID_TICKET", TicketCheck.EXPIRED.casCode());
        assertEquals("INVALID_SERVICE", TicketCheck.OTHER_SERVICE.casCode());
    }

    @Test
    void expiredTicketsArePurged() {
        LocalTicketStore store = new LocalTicketStore();
        ServiceTickets tickets = new ServiceTickets(store);
        for (int i = 0; i < ServiceTickets.PURGE_EVERY - 1; i++) {
            tickets.put(ticket(TicketIds.newServiceTicket(), false), NOW);
        }
        assertEquals(ServiceTickets.PURGE_EVERY - 1, tickets.waiting());
        tickets.put(ticket(TicketIds.newServiceTicket(), false), NOW.plus(Duration.ofMinutes(1)));
        assertEquals(1, tickets.waiting(), "the expired ones went, the new one stays");
    }

    @Test
    void aTicketNeverShowsItsId() {
        String id = TicketIds.newServiceTicket();
        assertFalse(ticket(id, false).toString().contains(id));
        assertFalse(new IssuedTicket(id, SERVICE, 7, 42).toString().contains(id));
    }
}
