package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensCarryAtLeast128RandomBitsAndAreUrlSafe() {
        String token = Tokens.newToken();
        assertEquals(43, token.length(), "256 bits in unpadded base64url");
        assertTrue(Tokens.wellFormed(token));
        assertNotEquals(token, Tokens.newToken());
    }

    @Test
    void onlyTheSha256IsStored() {
        String token = Tokens.newToken();
        String hash = Tokens.hash(token);
        assertEquals(64, hash.length());
        assertFalse(hash.contains(token));
        assertEquals(hash, Tokens.hash(token));
    }

    @Test
    void junkIsNotAToken() {
        assertFalse(Tokens.wellFormed(null));
        assertFalse(Tokens.wellFormed("short"));
        assertFalse(Tokens.wellFormed("a".repeat(65)));
        assertFalse(Tokens.wellFormed("x".repeat(42) + "'"));
        assertFalse(Tokens.wellFormed("../../../etc/passwd/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    }
}
