package fr.ent.portal.registry.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded registry export. Registries write UTF-8 (with or without a byte order mark) or
 * Windows-1252: the bytes are read as UTF-8 when they are valid UTF-8, otherwise as Windows-1252. Anything else
 * (UTF-16, a binary file, a file over the size limit) is refused as a whole.
 */
public final class RegistryText {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The decoded text and the encoding it was read with ({@code UTF-8} or {@code windows-1252}). */
    public record Decoded(String text, String encoding) {
    }

    private RegistryText() {
    }

    public static Decoded decode(byte[] bytes, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw new RegistryFileRefused("empty", "admin.import.file.empty");
        }
        if (bytes.length > maxBytes) {
            throw new RegistryFileRefused("too-large", "admin.import.file.too_large", megabytes(maxBytes));
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new RegistryFileRefused("encoding", "admin.import.file.encoding");
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        Decoded decoded = strict(bytes, start, StandardCharsets.UTF_8);
        if (decoded == null) {
            decoded = strict(bytes, start, WINDOWS_1252);
        }
        if (decoded == null || hasControlCharacters(decoded.text())) {
            throw new RegistryFileRefused("encoding", "admin.import.file.encoding");
        }
        return decoded;
    }

    private static Decoded strict(byte[] bytes, int start, Charset charset) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Decoded(text, charset.name());
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A text file has no control characters but tab, line feed and carriage return (NUL bytes: UTF-16 or binary), and
     * none of the C1 block U+0080 to U+009F (Windows-1252 text converted to UTF-8 twice, or a forged line break).
     */
    static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return true;
            }
        }
        return false;
    }

    static String megabytes(long bytes) {
        return String.valueOf(bytes / (1024 * 1024));
    }
}
