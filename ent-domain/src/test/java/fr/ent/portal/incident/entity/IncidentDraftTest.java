package fr.ent.portal.incident.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;

class IncidentDraftTest {

    static final Instant T0 = Instant.parse("2026-11-23T07:00:00Z");

    @Test
    void aCompleteDraftPasses() {
        IncidentDraft draft = new IncidentDraft("Connexion lente", "Nous constatons des lenteurs.", Severity.DISRUPTION,
                T0, T0.plusSeconds(3600), true, Set.of());
        assertTrue(draft.errors().isEmpty());
        assertEquals(draft, draft.check());
        assertTrue(new IncidentDraft("t", "x", Severity.INFO, T0, null, false, Set.of(1L)).errors().isEmpty(),
                "open-ended, for one establishment");
    }

    @Test
    void eachMissingPartIsNamedOnItsField() {
        List<FieldError> errors = new IncidentDraft(" ", null, null, null, null, false, Set.of()).errors();
        assertEquals(List.of("title", "text", "severity", "from", "establishments"),
                errors.stream().map(FieldError::field).toList());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> new IncidentDraft(null, "x", Severity.INFO, T0, null, true, null).check());
        assertEquals("incident.title.required", refused.errors().get(0).key());
    }

    @Test
    void theEndMustFollowTheStartAndTextsAreBounded() {
        assertEquals("incident.until.before_from", new IncidentDraft("t", "x", Severity.OUTAGE, T0, T0, true, null)
                .errors().get(0).key());
        assertEquals("incident.title.too_long", new IncidentDraft("t".repeat(201), "x", Severity.OUTAGE, T0, null,
                true, null).errors().get(0).key());
        assertEquals("incident.text.too_long", new IncidentDraft("t", "x".repeat(4001), Severity.OUTAGE, T0, null,
                true, null).errors().get(0).key());
    }
}
