package fr.ent.portal.mfa.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The ten single-use recovery codes given at enrolment: 10 characters each from a 32-letter alphabet without look-alikes
 * (50 random bits), shown as {@code xxxxx-xxxxx}. Only the SHA-256 of the normalised code is stored: a random value
 * of that size needs no slow hash. Typed codes are normalised (case, spaces, dashes) before hashing.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    public static final int LENGTH = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1

    private RecoveryCodes() {
    }

    /** {@link #COUNT} fresh codes, as shown to the person. */
    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** Whether a typed value has the shape of a recovery code (not of a 6-digit TOTP code). */
    public static boolean looksLikeOne(String typed) {
        String clean = normalise(typed);
        return clean.length() == LENGTH && clean.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** The stored form of a code: SHA-256 (hex) of its normalised text. */
    public static String hash(String typed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalise(typed).getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
