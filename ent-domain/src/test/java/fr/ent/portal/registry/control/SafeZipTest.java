package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Issue 25, bad input: zipped exports are checked from the central directory before any byte is inflated. */
class SafeZipTest {

    private static final SafeZip.Limits LIMITS = SafeZip.Limits.of(8L * 1024 * 1024);

    static byte[] zip(Object... nameThenContent) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameThenContent[i]));
                zip.write((byte[]) nameThenContent[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void opensAnExport() throws IOException {
        byte[] xml = "<BEE_ELEVES/>".getBytes(StandardCharsets.UTF_8);
        byte[] archive = zip("ElevesSansAdresses.xml", xml);
        List<SafeZip.Entry> entries = SafeZip.open(archive, LIMITS);
        assertEquals("ElevesSansAdresses.xml", entries.get(0).name());
        assertArrayEquals(xml, entries.get(0).content());
    }

    /** 6 MiB of zeros (under the size limit) deflate ~1000:1: refused by the ratio before inflating. */
    @Test
    void zipBombIsRefused() throws IOException {
        byte[] bomb = zip("ElevesSansAdresses.xml", new byte[6 * 1024 * 1024]);
        assertEquals("zip-ratio", assertThrows(RegistryFileRefused.class, () -> SafeZip.open(bomb, LIMITS)).code());
    }

    @Test
    void tooMuchInflatedDataIsRefused() throws IOException {
        byte[] archive = zip("a.xml", new byte[5 * 1024 * 1024], "b.xml", new byte[5 * 1024 * 1024]);
        assertEquals("too-large", assertThrows(RegistryFileRefused.class,
                () -> SafeZip.open(archive, new SafeZip.Limits(8, 8L * 1024 * 1024, 100_000))).code());
    }

    @Test
    void tooManyEntriesAndPathsAreRefused() throws IOException {
        Object[] many = new Object[18];
        for (int i = 0; i < 9; i++) {
            many[2 * i] = "f" + i + ".xml";
            many[2 * i + 1] = new byte[] {'<', 'a', '/', '>'};
        }
        byte[] archive = zip(many);
        assertEquals("zip-entries", assertThrows(RegistryFileRefused.class, () -> SafeZip.open(archive, LIMITS)).code());
        byte[] slip = zip("../../etc/x.xml", new byte[] {'<', 'a', '/', '>'});
        assertEquals("zip-name", assertThrows(RegistryFileRefused.class, () -> SafeZip.open(slip, LIMITS)).code());
    }

    @Test
    void garbageIsRefused() {
        byte[] truncated = new byte[] {'P', 'K', 3, 4, 0, 0, 0};
        assertEquals("zip", assertThrows(RegistryFileRefused.class, () -> SafeZip.open(truncated, LIMITS)).code());
    }
}
