package fr.ent.portal.credential.control;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Provisional codes printed on activation letters: easy to read and type from paper (no 0/O, 1/I/L),
 * 12 characters from a 31-symbol alphabet (59 bits), shown in groups of four: {@code K7PM-W2QX-9HTC}.
 * Typed codes are compared after {@link #normalize}: case, spaces and dashes do not matter.
 */
public final class ProvisionalCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProvisionalCodes() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The form in which codes are hashed: upper case, without spaces or dashes. */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder normalized = new StringBuilder(typed.length());
        typed.strip().toUpperCase(Locale.ROOT).codePoints()
                .filter(c -> !Character.isWhitespace(c) && c != '-' && c != '\u2010' && c != '\u2011' && c != '\u2013')
                .forEach(normalized::appendCodePoint);
        return normalized.toString();
    }

    /** Bits of randomness of a generated code. */
    public static double entropyBits() {
        return LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
    }
}
