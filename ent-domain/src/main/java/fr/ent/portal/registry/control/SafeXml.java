package fr.ent.portal.registry.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an XML export of a national directory (SIECLE, STSWeb, AAF) with StAX and nothing else: no DTD (a
 * {@code <!DOCTYPE} refuses the file: no entity expansion, no external entity, no billion laughs), a byte limit counted
 * while reading, a depth limit and a text-length limit, and only the encodings the directories write (UTF-8,
 * ISO-8859-15, ISO-8859-1, Windows-1252, taken from the XML declaration). A truncated or malformed document, bytes
 * not valid in the declared encoding and C1 control characters (text written in one encoding, declared in another)
 * refuse the whole file. The handler sees each element's start (with its attributes and line) and its end (with its
 * own text, trimmed).
 */
public final class SafeXml {

    /** Encodings accepted, upper case. */
    public static final Set<String> ENCODINGS = Set.of("UTF-8", "ISO-8859-15", "ISO-8859-1", "WINDOWS-1252", "CP1252");

    /** What the reader accepts. */
    public record Limits(long maxBytes, int maxDepth, int maxText) {

        /** An upload of a school's export. */
        public static Limits of(long maxBytes) {
            return new Limits(maxBytes, 24, 4096);
        }
    }

    /** Receives the document, element by element. */
    public interface Handler {

        void start(String name, Map<String, String> attributes, int line);

        void end(String name, String text, int line);
    }

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory(); // the JDK's own, whatever the server ships
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads the document; {@link RegistryFileRefused} when anything is wrong with it as a whole. */
    public static String read(InputStream in, Limits limits, Handler handler) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new Bounded(in, limits.maxBytes()));
            String encoding = encodingOf(reader);
            Deque<StringBuilder> texts = new ArrayDeque<>();
            Deque<String> names = new ArrayDeque<>();
            boolean root = false;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                         XMLStreamConstants.NOTATION_DECLARATION ->
                            throw new RegistryFileRefused("doctype", "admin.import.file.xml_doctype");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (names.size() >= limits.maxDepth()) {
                            throw new RegistryFileRefused("too-deep", "admin.import.file.xml_too_deep", limits.maxDepth());
                        }
                        root = true;
                        Map<String, String> attributes = new HashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), checked(reader.getAttributeValue(i), limits));
                        }
                        String name = reader.getLocalName();
                        names.push(name);
                        texts.push(new StringBuilder());
                        handler.start(name, attributes, reader.getLocation().getLineNumber());
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        StringBuilder text = texts.peek();
                        // blanks before an element's first text (indentation between children, e.g. the 100,000
                        // requests of an AAF file's root) are not its text: they never count toward the limit
                        if (text != null && (text.length() > 0 || !blank(reader.getTextCharacters(),
                                reader.getTextStart(), reader.getTextLength()))) {
                            if (text.length() + reader.getTextLength() > limits.maxText()) {
                                throw new RegistryFileRefused("too-long", "admin.import.file.xml_text_too_long",
                                        limits.maxText());
                            }
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = names.pop();
                        handler.end(name, checked(texts.pop().toString().strip(), limits),
                                reader.getLocation().getLineNumber());
                    }
                    default -> {
                        // comments, processing instructions: nothing to read
                    }
                }
            }
            if (!root || !names.isEmpty()) {
                throw new RegistryFileRefused("malformed", "admin.import.file.xml_malformed");
            }
            return encoding;
        } catch (XMLStreamException | IllegalStateException | java.util.NoSuchElementException e) {
            if (e.getCause() instanceof RegistryFileRefused refused) {
                throw refused;
            }
            throw new RegistryFileRefused("malformed", "admin.import.file.xml_malformed");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing left to read
                }
            }
        }
    }

    /** The declared (or detected) encoding, if accepted. */
    private static String encodingOf(XMLStreamReader reader) {
        String declared = reader.getCharacterEncodingScheme();
        String actual = reader.getEncoding();
        String encoding = (declared != null ? declared : actual != null ? actual : "UTF-8").toUpperCase(Locale.ROOT);
        if (!ENCODINGS.contains(encoding) || (actual != null && !ENCODINGS.contains(actual.toUpperCase(Locale.ROOT)))) {
            throw new RegistryFileRefused("encoding", "admin.import.file.encoding");
        }
        return encoding;
    }

    /** Refuses C1 controls and other control characters but tab and line breaks (a mis-declared encoding). */
    private static String checked(String text, Limits limits) {
        if (text.length() > limits.maxText()) {
            throw new RegistryFileRefused("too-long", "admin.import.file.xml_text_too_long", limits.maxText());
        }
        if (RegistryText.hasControlCharacters(text) || text.indexOf('\uFFFD') >= 0) {
            throw new RegistryFileRefused("encoding", "admin.import.file.encoding");
        }
        return text;
    }

    /** Counts the bytes read and stops at the limit: a huge document never reaches the parser whole. */
    static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > max) {
                throw new RegistryFileRefused("too-large", "admin.import.file.too_large", RegistryText.megabytes(max));
            }
        }
    }

    private static boolean blank(char[] chars, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (!Character.isWhitespace(chars[i])) {
                return false;
            }
        }
        return true;
    }
}
