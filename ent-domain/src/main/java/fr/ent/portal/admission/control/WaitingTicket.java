package fr.ent.portal.admission.control;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The waiting room's signed ticket (cookie {@code ent_wait}): the line's epoch, the ticket number, when it was issued
 * and, once its turn came, when it was admitted.
 * <p>
 * Format: {@code v1.<payload>.<signature>}, URL-safe Base64 without padding; payload (UTF-8)
 * {@code <epoch>|<number>|<issued, epoch seconds>|<admitted, epoch seconds or 0>}; HMAC-SHA256 over
 * {@code v1.<payload>} with a key of its own purpose. A waiting ticket is worth {@link #WAITING_VALIDITY} after its
 * issue, an admitted one {@code admittedValidity} after its admission; a ticket of another epoch (the line started
 * again) is expired.
 */
public final class WaitingTicket {

    /** A ticket nobody brought back for this long is dropped (the person left). */
    public static final Duration WAITING_VALIDITY = Duration.ofHours(2);
    static final int MAX_VALUE_LENGTH = 256;
    private static final String PREFIX = "v1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a cookie value is worth. */
    public enum Status {
        ABSENT,
        /** Not signed by us, or garbage: audited, back of the line. */
        FORGED,
        /** Ours, but too old or of another line epoch: back of the line. */
        EXPIRED,
        /** In the line, turn not yet come (as far as the ticket says). */
        WAITING,
        /** Its turn came: valid for a sign-in until the admitted validity ends. */
        ADMITTED
    }

    /** A read ticket; {@code number} is 0 unless WAITING or ADMITTED. */
    public record Read(Status status, long number, Instant issuedAt) {

        static final Read ABSENT = new Read(Status.ABSENT, 0, null);
        static final Read FORGED = new Read(Status.FORGED, 0, null);
        static final Read EXPIRED = new Read(Status.EXPIRED, 0, null);

        /** Forged or expired: a new ticket at the back of the line. */
        public boolean refused() {
            return status == Status.FORGED || status == Status.EXPIRED;
        }
    }

    private final SecretKeySpec key;
    private final Duration admittedValidity;

    public WaitingTicket(byte[] key, Duration admittedValidity) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("The waiting ticket key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.admittedValidity = admittedValidity;
    }

    /** A waiting ticket. */
    public String issue(String epoch, long number, Instant now) {
        return sign(epoch, number, now.getEpochSecond(), 0);
    }

    /** The same ticket, admitted at {@code now}. */
    public String admit(String epoch, long number, Instant issuedAt, Instant now) {
        return sign(epoch, number, issuedAt.getEpochSecond(), Math.max(1, now.getEpochSecond()));
    }

    /** What {@code value} is worth for the line of {@code epoch} at {@code now}. Never throws. */
    public Read read(String value, String epoch, Instant now) {
        if (value == null || value.isEmpty()) {
            return Read.ABSENT;
        }
        if (value.length() > MAX_VALUE_LENGTH || !value.startsWith(PREFIX)) {
            return Read.FORGED;
        }
        int dot = value.lastIndexOf('.');
        if (dot <= PREFIX.length()) {
            return Read.FORGED;
        }
        String signed = value.substring(0, dot);
        if (!MessageDigest.isEqual(signature(signed).getBytes(US_ASCII), value.substring(dot + 1).getBytes(UTF_8))) {
            return Read.FORGED;
        }
        try {
            String[] fields = new String(DECODER.decode(signed.substring(PREFIX.length())), UTF_8).split("\\|", -1);
            if (fields.length != 4) {
                return Read.FORGED;
            }
            long number = Long.parseLong(fields[1]);
            Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
            long admittedAt = Long.parseLong(fields[3]);
            if (!fields[0].equals(epoch) || number < 1) {
                return Read.EXPIRED;
            }
            if (admittedAt > 0) {
                return now.isBefore(Instant.ofEpochSecond(admittedAt).plus(admittedValidity))
                        ? new Read(Status.ADMITTED, number, issuedAt) : Read.EXPIRED;
            }
            return now.isBefore(issuedAt.plus(WAITING_VALIDITY)) ? new Read(Status.WAITING, number, issuedAt) : Read.EXPIRED;
        } catch (RuntimeException notOurs) {
            return Read.FORGED;
        }
    }

    private String sign(String epoch, long number, long issuedAt, long admittedAt) {
        String payload = epoch + "|" + number + "|" + issuedAt + "|" + admittedAt;
        String signed = PREFIX + ENCODER.encodeToString(payload.getBytes(UTF_8));
        return signed + "." + signature(signed);
    }

    private String signature(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(signed.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only for messages: never the key. */
    @Override
    public String toString() {
        return "WaitingTicket[admitted validity " + admittedValidity + "]";
    }
}
