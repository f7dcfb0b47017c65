package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 25, bad input: what the XML reader of the directories' exports refuses as a whole. */
class SafeXmlTest {

    private static final SafeXml.Limits LIMITS = SafeXml.Limits.of(1024 * 1024);

    /** The texts of the elements named {@code V}. */
    private static List<String> values(byte[] xml, SafeXml.Limits limits) {
        List<String> values = new ArrayList<>();
        SafeXml.read(new ByteArrayInputStream(xml), limits, new SafeXml.Handler() {
            @Override
            public void start(String name, Map<String, String> attributes, int line) {
            }

            @Override
            public void end(String name, String text, int line) {
                if (name.equals("V")) {
                    values.add(text);
                }
            }
        });
        return values;
    }

    private static String refusal(String xml, Charset charset) {
        return assertThrows(RegistryFileRefused.class, () -> values(xml.getBytes(charset), LIMITS)).code();
    }

    @Test
    void readsTheThreeEncodingsOfTheDirectories() {
        String body = "<R><V>Zoé Œuvre</V></R>";
        assertEquals(List.of("Zoé Œuvre"), values(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body)
                .getBytes(StandardCharsets.UTF_8), LIMITS));
        assertEquals(List.of("Zoé Œuvre"), values(("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>" + body)
                .getBytes(Charset.forName("ISO-8859-15")), LIMITS));
        assertEquals(List.of("Zoé Œuvre"), values(("<?xml version=\"1.0\" encoding=\"windows-1252\"?>" + body)
                .getBytes(Charset.forName("windows-1252")), LIMITS));
        assertEquals(List.of("Zoé"), values("<R><V>Zoé</V></R>".getBytes(StandardCharsets.UTF_8), LIMITS));
    }

    @Test
    void billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE R [\n<!ENTITY l0 \"ha\">\n");
        for (int i = 1; i <= 10; i++) {
            xml.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<R><V>&l10;</V></R>");
        assertEquals("doctype", refusal(xml.toString(), StandardCharsets.UTF_8));
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE R [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<R><V>&x;</V></R>";
        assertEquals("doctype", refusal(xml, StandardCharsets.UTF_8));
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE R SYSTEM \"" + secret.toUri() + "\">\n<R><V>a</V></R>";
        assertEquals("doctype", refusal(external, StandardCharsets.UTF_8));
    }

    @Test
    void truncatedDocumentIsRefused() {
        assertEquals("malformed", refusal("<?xml version=\"1.0\"?><R><V>Zoé</V><V>Lu", StandardCharsets.UTF_8));
        assertEquals("malformed", refusal("", StandardCharsets.UTF_8));
        assertEquals("malformed", refusal("Identifiant;Nom\n1;Dupont", StandardCharsets.UTF_8));
    }

    @Test
    void wrongEncodingsAreRefused() {
        // UTF-16: not an encoding of the directories
        assertEquals("encoding", refusal("<?xml version=\"1.0\" encoding=\"UTF-16\"?><R><V>a</V></R>",
                StandardCharsets.UTF_16));
        // declared UTF-8, written ISO-8859-15: invalid UTF-8 bytes
        assertEquals("malformed", refusal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><R><V>Zoé</V></R>",
                Charset.forName("ISO-8859-15")));
        // declared ISO-8859-15, written Windows-1252 with a curly apostrophe (0x92): a C1 control character
        assertEquals("encoding", refusal("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><R><V>N\u2019Diaye</V></R>",
                Charset.forName("windows-1252")));
        // an encoding nobody writes here
        assertEquals("encoding", refusal("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><R><V>a</V></R>",
                StandardCharsets.US_ASCII));
    }

    @Test
    void sizeDepthAndTextLimits() {
        String big = "<R>" + "<V>abcdefgh</V>".repeat(200) + "</R>";
        assertEquals("too-large", assertThrows(RegistryFileRefused.class,
                () -> values(big.getBytes(StandardCharsets.UTF_8), new SafeXml.Limits(1000, 24, 4096))).code());
        String deep = "<R>".repeat(30) + "</R>".repeat(30);
        assertEquals("too-deep", refusal(deep, StandardCharsets.UTF_8));
        String longText = "<R><V>" + "a".repeat(5000) + "</V></R>";
        assertEquals("too-long", refusal(longText, StandardCharsets.UTF_8));
    }

    @Test
    void indentationBetweenManyChildrenIsNotTheParentsText() {
        // an AAF file's root holds 100,000 requests, one a line: its blanks are no text of the root
        String many = "<R>\n" + "  <V>a b</V>\n".repeat(5000) + "</R>";
        List<String> read = values(many.getBytes(StandardCharsets.UTF_8), new SafeXml.Limits(1 << 20, 24, 4096));
        assertEquals(5000, read.size());
        assertEquals("a b", read.get(0));
        assertEquals("too-long", refusal("<R>" + "x\n".repeat(3000) + "<V>a</V></R>", StandardCharsets.UTF_8));
    }
}
