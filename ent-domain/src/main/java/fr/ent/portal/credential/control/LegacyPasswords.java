package fr.ent.portal.credential.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.password4j.BcryptFunction;
import com.password4j.PBKDF2Function;
import com.password4j.types.Hmac;

/**
 * Password hashes of the previous ENT, as the registry import takes them (docs/IMPORT.md), checked once at the first
 * sign-in and then replaced by an Argon2id hash:
 * <ul>
 * <li><b>bcrypt</b>: the usual modular crypt string {@code $2a$}, {@code $2b$} or {@code $2y$}, cost 4 to 16
 * (password4j);</li>
 * <li><b>salted SHA-256</b>: {@code sha256:<salt hex>:<hash hex>}, hash = SHA-256(salt bytes, then the password's
 * UTF-8 bytes), salt 4 to 64 bytes (JDK);</li>
 * <li><b>PBKDF2</b>: {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>}, PBKDF2-HMAC-SHA256 of the
 * password's UTF-8 bytes, 1,000 to 5,000,000 iterations, salt 8 to 64 bytes, hash 16 to 64 bytes (password4j).</li>
 * </ul>
 * The password is taken as typed (UTF-8, no normalization), as the old systems did. Comparisons are constant-time.
 */
public final class LegacyPasswords {

    /** The supported formats. */
    public enum Format { BCRYPT, SALTED_SHA256, PBKDF2_SHA256 }

    static final int MAX_LENGTH = 255;
    static final Pattern BCRYPT = Pattern.compile("\\$2([aby])\\$(\\d{2})\\$[./A-Za-z0-9]{53}");
    static final Pattern SHA256 = Pattern.compile("sha256:((?:[0-9a-fA-F]{2}){4,64}):([0-9a-fA-F]{64})");
    static final Pattern PBKDF2 = Pattern.compile("pbkdf2-sha256:([1-9][0-9]{3,6}):([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})");
    static final int MIN_BCRYPT_COST = 4;
    static final int MAX_BCRYPT_COST = 16;
    static final int MIN_ITERATIONS = 1_000;
    static final int MAX_ITERATIONS = 5_000_000;

    /** The highest bcrypt cost an import takes (issue 20): a costlier hash would hold a hash slot too long. */
    public static final int MAX_IMPORTED_BCRYPT_COST = 12;
    /** The most PBKDF2 iterations an import takes (OWASP's 600,000 for PBKDF2-HMAC-SHA256). */
    public static final int MAX_IMPORTED_ITERATIONS = 600_000;

    /** The cost of a well-formed hash above what an import takes: its format, its cost, the most allowed. */
    public record ExcessiveCost(Format format, long cost, long max) {
    }

    private LegacyPasswords() {
    }

    /**
     * For the import: the cost of a well-formed bcrypt or PBKDF2 hash when it is above {@link #MAX_IMPORTED_BCRYPT_COST}
     * or {@link #MAX_IMPORTED_ITERATIONS}; empty otherwise (salted SHA-256 has no cost).
     */
    public static Optional<ExcessiveCost> excessiveCost(String stored) {
        Optional<Format> format = formatOf(stored);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        return switch (format.get()) {
            case BCRYPT -> {
                Matcher m = BCRYPT.matcher(stored);
                long cost = m.matches() ? Long.parseLong(m.group(2)) : 0;
                yield cost > MAX_IMPORTED_BCRYPT_COST
                        ? Optional.of(new ExcessiveCost(Format.BCRYPT, cost, MAX_IMPORTED_BCRYPT_COST)) : Optional.empty();
            }
            case PBKDF2_SHA256 -> {
                Matcher m = PBKDF2.matcher(stored);
                long iterations = m.matches() ? Long.parseLong(m.group(1)) : 0;
                yield iterations > MAX_IMPORTED_ITERATIONS
                        ? Optional.of(new ExcessiveCost(Format.PBKDF2_SHA256, iterations, MAX_IMPORTED_ITERATIONS))
                        : Optional.empty();
            }
            case SALTED_SHA256 -> Optional.empty();
        };
    }

    /** The format of a well-formed stored hash within the accepted costs; empty for anything else. */
    public static Optional<Format> formatOf(String stored) {
        if (stored == null || stored.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher bcrypt = BCRYPT.matcher(stored);
        if (bcrypt.matches()) {
            int cost = Integer.parseInt(bcrypt.group(2));
            return cost >= MIN_BCRYPT_COST && cost <= MAX_BCRYPT_COST ? Optional.of(Format.BCRYPT) : Optional.empty();
        }
        if (SHA256.matcher(stored).matches()) {
            return Optional.of(Format.SALTED_SHA256);
        }
        Matcher pbkdf2 = PBKDF2.matcher(stored);
        if (pbkdf2.matches()) {
            long iterations = Long.parseLong(pbkdf2.group(1));
            byte[] salt = base64(pbkdf2.group(2));
            byte[] hash = base64(pbkdf2.group(3));
            return iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS && salt != null && salt.length >= 8
                    && salt.length <= 64 && hash != null && hash.length >= 16 && hash.length <= 64
                    ? Optional.of(Format.PBKDF2_SHA256) : Optional.empty();
        }
        return Optional.empty();
    }

    /** True when {@code password} matches the stored legacy hash; false for a malformed or unsupported one. */
    public static boolean verify(String stored, char[] password) {
        Optional<Format> format = formatOf(stored);
        if (format.isEmpty() || password == null) {
            return false;
        }
        byte[] typed = utf8(password);
        try {
            return switch (format.get()) {
                case BCRYPT -> BcryptFunction.getInstanceFromHash(stored).check(new String(password), stored);
                case SALTED_SHA256 -> verifySha256(stored, typed);
                case PBKDF2_SHA256 -> verifyPbkdf2(stored, typed);
            };
        } finally {
            Arrays.fill(typed, (byte) 0);
        }
    }

    private static boolean verifySha256(String stored, byte[] typed) {
        Matcher m = SHA256.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = HexFormat.of().parseHex(m.group(1).toLowerCase());
        byte[] expected = HexFormat.of().parseHex(m.group(2).toLowerCase());
        return MessageDigest.isEqual(expected, saltedSha256(salt, typed));
    }

    /** SHA-256 of the salt followed by the password bytes (the documented legacy format). */
    static byte[] saltedSha256(byte[] salt, byte[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(password);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifyPbkdf2(String stored, byte[] typed) {
        Matcher m = PBKDF2.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        int iterations = Integer.parseInt(m.group(1));
        byte[] salt = base64(m.group(2));
        byte[] expected = base64(m.group(3));
        byte[] actual = PBKDF2Function.getInstance(Hmac.SHA256, iterations, expected.length * 8).hash(typed, salt).getBytes();
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
