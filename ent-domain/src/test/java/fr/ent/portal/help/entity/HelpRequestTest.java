package fr.ent.portal.help.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.platform.BusinessException;

class HelpRequestTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static HelpRequest open() {
        Account pupil = new Account("l.martin1", "Léa", "Martin", null, Profile.PUPIL, T0);
        return new HelpRequest(pupil, null, "2nde B", HelpRequestKind.NO_EMAIL_RESET, T0);
    }

    @Test
    void aRequestIsOpenUntilResolvedOnce() {
        HelpRequest request = open();
        assertTrue(request.isOpen());
        request.resolve("  Code remis en main propre  ", T0.plusSeconds(60));
        assertFalse(request.isOpen());
        assertEquals(HelpRequestStatus.RESOLVED, request.status());
        assertEquals("Code remis en main propre", request.resolutionNote());
        assertEquals(T0.plusSeconds(60), request.resolvedAt());
        BusinessException twice = assertThrows(BusinessException.class, () -> request.resolve(null, T0.plusSeconds(61)));
        assertEquals("help.request.already_resolved", twice.key());
    }

    @Test
    void aBlankNoteIsNoNoteAndAHugeOneIsRefused() {
        HelpRequest request = open();
        BusinessException huge = assertThrows(BusinessException.class,
                () -> request.resolve("x".repeat(HelpRequest.MAX_NOTE + 1), T0));
        assertEquals("help.request.note_too_long", huge.key());
        assertTrue(request.isOpen(), "nothing changed");
        request.resolve("   ", T0);
        assertNull(request.resolutionNote());
    }

    @Test
    void theAdministrationMustSayHowItResolvedARequest() {
        HelpRequest request = open();
        fr.ent.portal.platform.InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(
                fr.ent.portal.platform.InvalidInputException.class, () -> request.resolveBy("p.petit1", "  ", T0));
        org.junit.jupiter.api.Assertions.assertEquals("note", refused.errors().get(0).field());
        assertTrue(request.isOpen(), "still open");
        request.resolveBy("p.petit1", "Nouveau code remis en main propre", T0.plusSeconds(5));
        org.junit.jupiter.api.Assertions.assertEquals("p.petit1", request.resolvedBy());
        org.junit.jupiter.api.Assertions.assertEquals("Nouveau code remis en main propre", request.resolutionNote());
        org.junit.jupiter.api.Assertions.assertThrows(fr.ent.portal.platform.BusinessException.class,
                () -> request.resolveBy("b.garnier1", "encore", T0.plusSeconds(6)));
    }
}
