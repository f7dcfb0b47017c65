package fr.ent.portal.mfa.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, steps of 30 seconds from the Unix epoch,
 * 6 digits. A typed code is accepted for the current step or the one before or after (a phone's clock a little off),
 * and only for a step later than the last one used: each code works once.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** 160 bits, the size of an HMAC-SHA1 key (RFC 4226 recommends at least 128). */
    public static final int SECRET_BYTES = 20;
    private static final int MODULUS = 1_000_000;

    private Totp() {
    }

    /** A new random secret. */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The step an instant falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, with its leading zeros (RFC 4226 section 5.3, dynamic truncation). */
    public static String code(byte[] secret, long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%0" + DIGITS + "d", binary % MODULUS);
    }

    /**
     * The step whose code was typed: the current one, the one before or the one after, and only if it is later than
     * {@code lastUsedStep} (null: none used yet). Empty for a wrong, malformed or already used code. Every candidate
     * is computed and compared in constant time, so the answer's timing tells nothing.
     */
    public static OptionalLong matchingStep(byte[] secret, String typed, Instant now, Long lastUsedStep) {
        String digits = typed == null ? "" : typed.replace(" ", "").strip();
        if (digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long step = current - 1; step <= current + 1; step++) {
            boolean same = MessageDigest.isEqual(code(secret, step).getBytes(), digits.getBytes());
            if (same && found == Long.MIN_VALUE && (lastUsedStep == null || step > lastUsedStep)) {
                found = step;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /**
     * The {@code otpauth://} address an authenticator app reads from the QR code (Key Uri Format): issuer and account
     * name in the label and the issuer parameter, the secret in Base32 without padding, the defaults written out.
     */
    public static String keyUri(String issuer, String accountName, byte[] secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
