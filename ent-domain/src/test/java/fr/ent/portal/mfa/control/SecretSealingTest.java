package fr.ent.portal.mfa.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SecretSealingTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] SECRET = "12345678901234567890".getBytes();

    @Test
    void opensForTheSameAccountOnly() {
        SecretSealing sealing = new SecretSealing(KEY);
        String sealed = sealing.seal(42, SECRET);
        assertFalse(sealed.contains("MTIzNDU2"), "not the Base64 of the secret");
        assertArrayEquals(SECRET, sealing.open(42, sealed));
        assertThrows(IllegalStateException.class, () -> sealing.open(43, sealed), "moved to another account");
    }

    @Test
    void anotherKeyOrAChangedValueDoesNotOpen() {
        String sealed = new SecretSealing(KEY).seal(42, SECRET);
        byte[] other = Arrays.copyOf(KEY, 32);
        other[0] = 1;
        assertThrows(IllegalStateException.class, () -> new SecretSealing(other).open(42, sealed));
        String changed = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A=") ? "B=" : "A=");
        assertThrows(IllegalStateException.class, () -> new SecretSealing(KEY).open(42, changed));
        assertThrows(IllegalStateException.class, () -> new SecretSealing(KEY).open(42, "plain"));
    }
}
