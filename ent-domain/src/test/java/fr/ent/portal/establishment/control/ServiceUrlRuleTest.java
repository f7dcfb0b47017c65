package fr.ent.portal.establishment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.ent.portal.platform.InvalidInputException.FieldError;

class ServiceUrlRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://pronote.example.fr/", "https://mediacentre.example.fr/acces?uai=0771763Y",
            "HTTPS://gar.education.fr", "https://pix.fr:8443/connexion#eleve"})
    void httpsAddressesWithAHostAreAccepted(String url) {
        assertTrue(ServiceUrlRule.isValid(url), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://pronote.example.fr/", "javascript:alert(1)", "data:text/html,x", "/relative",
            "https://", "https:///path", "https://user:secret@host.fr/", " https://host.fr", "https://host.fr/a b",
            "https://host.fr/\"onmouseover=", "ftp://host.fr", "https:host.fr", ""})
    void anythingElseIsRefused(String url) {
        assertFalse(ServiceUrlRule.isValid(url), url);
    }

    @Test
    void lengthAndNullAreRefused() {
        assertFalse(ServiceUrlRule.isValid(null));
        assertFalse(ServiceUrlRule.isValid("https://h.fr/" + "a".repeat(ServiceUrlRule.MAX_LENGTH)));
    }

    @Test
    void aServiceDraftNamesItsBadFields() {
        assertTrue(new ServiceDraft("Pronote", " https://pronote.example.fr ", true, 1).errors().isEmpty(),
                "trimmed first");
        List<FieldError> errors = new ServiceDraft("", "http://x.fr", false, 0).errors();
        assertEquals(List.of("name", "url", "position"), errors.stream().map(FieldError::field).toList());
        assertEquals("establishment.service.url.invalid", errors.get(1).key());
    }

    @Test
    void anEstablishmentDraftChecksTheUaiAndTheContact() {
        assertTrue(new EstablishmentDraft(" 0771763y ", "Lycée", fr.ent.portal.establishment.entity.EstablishmentKind.LYCEE,
                "Créteil", "Melun", "ce.0771763y@ac-creteil.fr", "01 60 00 00 00").errors().isEmpty());
        List<FieldError> errors = new EstablishmentDraft("0771763A", null, null, "x".repeat(101), "Melun", "not-mail",
                "abc").errors();
        assertEquals(List.of("uai", "name", "kind", "academie", "contactEmail", "contactPhone"),
                errors.stream().map(FieldError::field).toList());
        assertEquals("establishment.uai.invalid", errors.get(0).key());
    }
}
