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

    @Test
    void whereItIsOfferedAndItsStartAddressAreChecked() {
        ClientDraft good = ClientDraft.of("A", "https://a.fr/cb", "", Set.of("openid"), true, false, true,
                " 0312289v, 0750001A ;0312289V ", " https://a.fr/start ");
        good.check();
        assertEquals(List.of("0312289V", "0750001A"), good.uais());
        assertEquals("https://a.fr/start", good.startUrl());
        assertEquals(null, ClientDraft.of("A", "https://a.fr/cb", "", Set.of("openid"), true, false, true, "", " ")
                .startUrl(), "no start address");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> ClientDraft.of("A",
                "https://a.fr/cb", "", Set.of("openid"), true, false, true, "031228", "http://a.fr/start").check());
        assertEquals(List.of("uais", "startUrl"),
                refused.errors().stream().map(InvalidInputException.FieldError::field).toList());
    }
}
