package fr.ent.portal.families.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class EstablishmentLandingTest {

    @Test
    void aRememberedChoiceStillLinkedWins() {
        assertEquals(new EstablishmentLanding(2L, false), EstablishmentLanding.resolve(List.of(1L, 2L), 2L));
    }

    @Test
    void aRememberedChoiceNoLongerLinkedAsksAgainAmongSeveral() {
        assertEquals(new EstablishmentLanding(null, true), EstablishmentLanding.resolve(List.of(1L, 2L), 9L));
    }

    @Test
    void severalWithoutChoiceAsk() {
        assertEquals(new EstablishmentLanding(null, true), EstablishmentLanding.resolve(List.of(1L, 2L), null));
    }

    @Test
    void theOnlyOneIsTakenEvenIfAnotherWasRemembered() {
        assertEquals(new EstablishmentLanding(3L, false), EstablishmentLanding.resolve(List.of(3L), 9L));
    }

    @Test
    void noneLandsHomeWithoutEstablishment() {
        assertEquals(new EstablishmentLanding(null, false), EstablishmentLanding.resolve(List.of(), 9L));
    }
}
