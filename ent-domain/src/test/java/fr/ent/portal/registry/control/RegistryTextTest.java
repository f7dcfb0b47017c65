package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RegistryTextTest {

    private static final String TEXT = "Nom;Prénom\nLefèvre;Zoé\n";

    @Test
    void utf8WithAndWithoutByteOrderMark() {
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        assertEquals(new RegistryText.Decoded(TEXT, "UTF-8"), RegistryText.decode(plain, 1000));
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertEquals(TEXT, RegistryText.decode(bom, 1000).text());
    }

    @Test
    void windows1252WhenNotValidUtf8() {
        RegistryText.Decoded decoded = RegistryText.decode(TEXT.getBytes(RegistryText.WINDOWS_1252), 1000);
        assertEquals(TEXT, decoded.text());
        assertEquals("windows-1252", decoded.encoding());
    }

    @Test
    void utf16BinaryEmptyAndOversizedFilesAreRefused() {
        assertEquals("encoding", refusal(TEXT.getBytes(StandardCharsets.UTF_16)));
        assertEquals("encoding", refusal(TEXT.getBytes(StandardCharsets.UTF_16LE)));
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertEquals("encoding", refusal(garbage));
        assertEquals("empty", refusal(new byte[0]));
        assertEquals("too-large", refusal(new byte[10 * 1024 * 1024]));
        RegistryFileRefused refused = assertThrows(RegistryFileRefused.class,
                () -> RegistryText.decode(new byte[10 * 1024 * 1024], 8 * 1024 * 1024));
        assertEquals("admin.import.file.too_large", refused.key());
        assertEquals("8", refused.params()[0]);
    }

    private static String refusal(byte[] bytes) {
        return assertThrows(RegistryFileRefused.class, () -> RegistryText.decode(bytes, 8 * 1024 * 1024)).code();
    }
}
