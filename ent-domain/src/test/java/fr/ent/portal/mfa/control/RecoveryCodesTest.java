package fr.ent.portal.mfa.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void tenDistinctCodesOfTheShownShape() {
        List<String> codes = RecoveryCodes.generate(new SecureRandom());
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        codes.forEach(c -> assertTrue(c.matches("[a-z2-9]{5}-[a-z2-9]{5}"), c));
        codes.forEach(c -> assertTrue(RecoveryCodes.looksLikeOne(c), c));
    }

    @Test
    void typedCodesAreNormalisedBeforeHashing() {
        String hash = RecoveryCodes.hash("abcde-fghjk");
        assertEquals(hash, RecoveryCodes.hash(" ABCDE FGHJK "));
        assertEquals(hash, RecoveryCodes.hash("abcdefghjk"));
        assertNotEquals(hash, RecoveryCodes.hash("abcde-fghjm"));
        assertEquals(64, hash.length());
    }

    @Test
    void aTotpCodeIsNotARecoveryCode() {
        assertFalse(RecoveryCodes.looksLikeOne("123456"));
        assertFalse(RecoveryCodes.looksLikeOne(null));
        assertFalse(RecoveryCodes.looksLikeOne("abcde-fghjkl"));
        assertFalse(RecoveryCodes.looksLikeOne("abcde-fghj1"), "1 is not in the alphabet");
    }
}
