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
        return new ServiceTicket(id, SERVICE, 7, 42, 3, NOW, NOW.plusSeconds(10), NOW.minusSeconds(60), fromNewLogin, false, "pwd");
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
        assertEquals(3 + 64, TicketIds.newServiceTicket().length(), "ST- and 32 bytes in hexadecimal");
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
        assertFalse(new IssuedTicket(id, SERVICE, 7, 42, NOW).toString().contains(id));
    }

    // ---- issue 20, item 5 ----------------------------------------------------------------------------------

    @Test
    void ticketsHoldOnlyLettersDigitsAndHyphens() {
        // CAS 3.0 section 3.7; Base64url put '_' in about a third of the tickets, and some clients then ignore them
        for (int i = 0; i < 10_000; i++) {
            String id = TicketIds.newServiceTicket();
            assertTrue(id.matches("ST-[A-Za-z0-9-]+"), id);
        }
        assertFalse(TicketIds.wellFormed("ST-" + "a".repeat(63) + "_"), "an old Base64url shape is not looked up");
    }

    @Test
    void aTicketSurvivesTheSharedStoresTextForm() {
        ServiceTicket t = new ServiceTicket(TicketIds.newServiceTicket(), SERVICE + "?a=1|b", 7, 42, 3, NOW,
                NOW.plusSeconds(10), NOW.minusSeconds(60), true, false, "hwk");
        assertEquals(t, ServiceTicket.CODEC.decode(ServiceTicket.CODEC.encode(t)));
        // one put by a node of the version before issue 24 (ten fields): a remembered device's, say so
        String older = ServiceTicket.CODEC.encode(t).replaceFirst("\\|0\\|hwk$", "|1");
        assertEquals("device", ServiceTicket.CODEC.decode(older).amr());
        java.util.List<IssuedTicket> list = java.util.List.of(new IssuedTicket("ST-1", SERVICE, 7, 42, NOW),
                new IssuedTicket("ST-2", SERVICE + "x", 8, 42, NOW.plusSeconds(1)));
        assertEquals(list, IssuedTicket.LIST_CODEC.decode(IssuedTicket.LIST_CODEC.encode(list)));
    }

    @Test
    void aTicketInASharedMapIsTakenOnceWhateverTheNode() throws Exception {
        // two nodes' stores over one map (the grid's JCacheMap removes with one atomic get-and-remove)
        java.util.concurrent.ConcurrentMap<String, ServiceTicket> grid = new java.util.concurrent.ConcurrentHashMap<>();
        ServiceTickets nodeA = new ServiceTickets(new LocalTicketStore(grid));
        ServiceTickets nodeB = new ServiceTickets(new LocalTicketStore(grid));
        String id = TicketIds.newServiceTicket();
        nodeA.put(ticket(id, false), NOW);
        java.util.concurrent.ExecutorService racers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> takes = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ServiceTickets node = i % 2 == 0 ? nodeA : nodeB;
                takes.add(racers.submit(() -> node.take(id).isPresent()));
            }
            int won = 0;
            for (java.util.concurrent.Future<Boolean> take : takes) {
                won += take.get() ? 1 : 0;
            }
            assertEquals(1, won, "exactly one validation gets the ticket");
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void onlyValidatedTicketsAreToldAtSingleLogoutAndEachOnce() {
        java.util.concurrent.ConcurrentMap<String, java.util.List<IssuedTicket>> grid =
                new java.util.concurrent.ConcurrentHashMap<>();
        OpenedServices nodeA = new OpenedServices(grid);
        OpenedServices nodeB = new OpenedServices(grid);
        IssuedTicket early = new IssuedTicket("ST-1", SERVICE, 7, 42, NOW);
        IssuedTicket late = new IssuedTicket("ST-2", SERVICE, 7, 42, NOW.plusSeconds(120));
        nodeB.validated(early);
        nodeB.validated(late);
        assertEquals(java.util.List.of(), nodeA.close(42, java.util.List.of("ST-never-validated")));
        assertEquals(java.util.List.of(early), nodeA.closeUpTo(42, NOW.plusSeconds(60)),
                "sign out everywhere on A: the session signed in before, held on B");
        assertEquals(java.util.List.of(), nodeA.closeUpTo(42, NOW.plusSeconds(60)), "told once");
        assertEquals(java.util.List.of(late), nodeB.close(42, java.util.List.of("ST-2")));
        assertTrue(grid.isEmpty(), "nothing left behind");
    }
}
