package fr.ent.portal.federation.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUrisTest {

    static final List<String> REGISTERED = List.of("https://rp.example.fr/cb", "http://127.0.0.1:8123/cb");

    @Test
    void onlyTheExactStringMatches() {
        assertTrue(RedirectUris.exactMatch(REGISTERED, "https://rp.example.fr/cb"));
        assertTrue(RedirectUris.exactMatch(REGISTERED, "http://127.0.0.1:8123/cb"));
        for (String near : List.of("https://rp.example.fr/cb/", "https://rp.example.fr/cb?x=1", "https://RP.example.fr/cb",
                "https://rp.example.fr/CB", "https://rp.example.fr:443/cb", "https://rp.example.fr/cb#f",
                "https://rp.example.fr/cb/../cb", "https://rp.example.fr/c%62", "https://rp.example.fr.evil.fr/cb",
                "https://evil.fr/?https://rp.example.fr/cb", "https://rp.example.fr@evil.fr/cb", " https://rp.example.fr/cb",
                "https://rp.example.fr/cb ", "http://rp.example.fr/cb", "")) {
            assertFalse(RedirectUris.exactMatch(REGISTERED, near), near);
        }
        assertFalse(RedirectUris.exactMatch(REGISTERED, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://rp.example.fr/cb", "https://rp.example.fr:8443/a/b?x=1", "http://127.0.0.1:9000/cb",
            "http://localhost/cb", "http://[::1]:8080/cb"})
    void registrable(String uri) {
        assertEquals(Optional.empty(), RedirectUris.refusal(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://rp.example.fr/cb", "javascript:alert(1)", "data:text/html,x", "ftp://rp.example.fr/"})
    void notHttps(String uri) {
        assertTrue(RedirectUris.refusal(uri).isPresent(), uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cb", "https://rp.example.fr/cb#frag", "https://user@rp.example.fr/cb", "https:///cb",
            "https://rp.example.fr/c b", "https://rp.example.fr/cb\n", " https://rp.example.fr/cb", "https://rp.example.fr/é"})
    void malformed(String uri) {
        assertEquals(Optional.of("admin.oidc.error.redirect_invalid"), RedirectUris.refusal(uri), uri);
    }
}
