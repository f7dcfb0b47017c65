package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class KeySealingTest {

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealedKeysOpenOnlyWithTheSameKeyAndKid() {
        KeySealing sealing = new KeySealing(key(1));
        String sealed = sealing.seal("kid-1", "{\"d\":\"secret\"}");
        assertFalse(sealed.contains("secret"));
        assertNotEquals(sealed, sealing.seal("kid-1", "{\"d\":\"secret\"}"), "a fresh IV each time");
        assertEquals("{\"d\":\"secret\"}", sealing.open("kid-1", sealed));
        assertThrows(IllegalStateException.class, () -> new KeySealing(key(2)).open("kid-1", sealed));
        assertThrows(IllegalStateException.class, () -> sealing.open("kid-2", sealed), "moved to another row");
        String[] parts = sealed.split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[2]);
        body[0] ^= 1;
        String changed = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
        assertThrows(IllegalStateException.class, () -> sealing.open("kid-1", changed), "tampered");
        assertThrows(IllegalStateException.class, () -> sealing.open("kid-1", "not sealed"));
    }

    @Test
    void theSwitchRefusesTheStartOutsideDemoModeWithoutAKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new FederationSwitch(true, false, "").check());
        assertTrue(refused.getMessage().contains("ent.federation.key-encryption-key"));
        new FederationSwitch(true, true, "").check(); // demo: derived
        new FederationSwitch(false, false, "").check(); // off: nothing needed
        String good = Base64.getEncoder().encodeToString(key(3));
        new FederationSwitch(true, false, good).check();
        assertThrows(IllegalStateException.class, () -> new FederationSwitch(true, false, "c2hvcnQ=").check());
        assertThrows(IllegalStateException.class, () -> new FederationSwitch(true, false, "***").check());
    }
}
