package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    // RFC 7636, appendix B
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void aPublicClientMustSendAnS256Challenge() {
        assertEquals("pkce_required", Pkce.refusal(null, null, true));
        assertEquals("pkce_required", Pkce.refusal("", "S256", true));
        assertEquals("pkce_method", Pkce.refusal(CHALLENGE, "plain", true));
        assertEquals("pkce_method", Pkce.refusal(CHALLENGE, null, true));
        assertEquals("pkce_challenge", Pkce.refusal("short", "S256", true));
        assertEquals("pkce_challenge", Pkce.refusal(CHALLENGE.substring(1) + "=", "S256", true));
        assertNull(Pkce.refusal(CHALLENGE, "S256", true));
    }

    @Test
    void aConfidentialClientMayGoWithoutButNotWithPlain() {
        assertNull(Pkce.refusal(null, null, false));
        assertEquals("pkce_method", Pkce.refusal(CHALLENGE, "plain", false));
    }

    @Test
    void onlyTheRightVerifierAnswersTheChallenge() {
        assertTrue(Pkce.verifies(CHALLENGE, VERIFIER));
        assertFalse(Pkce.verifies(CHALLENGE, VERIFIER.substring(1) + "A"));
        assertFalse(Pkce.verifies(CHALLENGE, null));
        assertFalse(Pkce.verifies(CHALLENGE, ""));
        assertFalse(Pkce.verifies(CHALLENGE, "too short"));
        assertFalse(Pkce.verifies(CHALLENGE, CHALLENGE), "the challenge itself is no verifier");
    }

    @Test
    void aVerifierWithoutAChallengeIsRefused() {
        assertTrue(Pkce.verifies(null, null));
        assertFalse(Pkce.verifies(null, VERIFIER), "a verifier for a code issued without challenge: another request");
    }
}
