package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.InvalidInputException;

class ClientDraftTest {

    @Test
    void aGoodDraftPassesAndItsLinesAreTrimmedAndUnique() {
        ClientDraft draft = ClientDraft.of(" Cahier ", "https://a.fr/cb\r\n\r\n https://a.fr/cb \nhttps://b.fr/cb", "",
                Set.of("openid", "profile"), true, false, true);
        draft.check();
        assertEquals("Cahier", draft.name());
        assertEquals(List.of("https://a.fr/cb", "https://b.fr/cb"), draft.redirectUris());
    }

    @Test
    void eachBadFieldIsNamed() {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ClientDraft.of("",
                "http://a.fr/cb", "https://a.fr/#x", Set.of("profile", "email"), true, false, true).check());
        assertEquals(List.of("name", "redirectUris", "logoutUris", "scopes"),
                refused.errors().stream().map(InvalidInputException.FieldError::field).toList());
        assertThrows(InvalidInputException.class, () -> ClientDraft.of("A", "", "", Set.of("openid"), true, false, true)
                .check(), "a redirect URI is required");
    }
}
