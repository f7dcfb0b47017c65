package fr.ent.portal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginFilterTest {

    private static final String PUBLIC = "https://ent.example.fr";

    @Test
    void theRequestsOwnOriginAndThePublicOneAreAccepted() {
        assertTrue(SameOriginFilter.accepted("http://127.0.0.1:8080", "http://127.0.0.1:8080", PUBLIC));
        assertTrue(SameOriginFilter.accepted("https://ENT.example.fr", "http://node1:8080", PUBLIC));
        assertTrue(SameOriginFilter.accepted("https://ent.example.fr:443", "http://node1:8080", PUBLIC + "/"));
        assertTrue(SameOriginFilter.accepted("http://localhost", "http://localhost:80", PUBLIC));
    }

    @Test
    void anotherSiteNullOrJunkIsRefused() {
        for (String origin : new String[] {"https://evil.example", "null", "", "https://ent.example.fr.evil.example",
                "https://ent.example.fr:8443", "http://ent.example.fr", "file://", "javascript:alert(1)", "%%%"}) {
            assertFalse(SameOriginFilter.accepted(origin, "http://127.0.0.1:8080", PUBLIC), origin);
        }
        assertFalse(SameOriginFilter.accepted("http://127.0.0.1:8080", null, PUBLIC), "no Host header");
    }
}
