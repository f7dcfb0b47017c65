package fr.ent.portal.admission.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import fr.ent.portal.keys.control.SealedValues;

/**
 * The waiting room's signed ticket (cookie {@code ent_wait}): the line's epoch, the ticket number, when it was issued
 * and, once its turn came, when it was admitted.
 * <p>
 * Format: {@code v1.<payload>.<signature>}, URL-safe Base64 without padding; payload (UTF-8)
 * {@code <epoch>|<number>|<issued, epoch seconds>|<admitted, epoch seconds or 0>}; the fields {@code v1} and the payload
 * sealed by the portal's one codec ({@link SealedValues}, purpose {@value #PURPOSE}). A waiting ticket is worth {@link #WAITING_VALIDITY} after its
 * issue, an admitted one {@code admittedValidity} after its admission; a ticket of another epoch (the line started
 * again) is expired.
 */
public final class WaitingTicket {

    /** A ticket nobody brought back for this long is dropped (the person left). */
    public static final Duration WAITING_VALIDITY = Duration.ofHours(2);
    /** The purpose the tickets are sealed for. */
    public static final String PURPOSE = "waiting-ticket";
    static final int MAX_VALUE_LENGTH = 256;
    private static final String VERSION = "v1";
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

    private final SealedValues sealer;
    private final Duration admittedValidity;

    /** With the codec of {@code portalKey} for {@value #PURPOSE}. */
    public WaitingTicket(byte[] portalKey, Duration admittedValidity) {
        this(new SealedValues(PURPOSE, portalKey), admittedValidity);
    }

    /** With the portal's codec for {@value #PURPOSE} ({@code SigningKeys.sealer}). */
    public static WaitingTicket sealedBy(SealedValues sealer, Duration admittedValidity) {
        return new WaitingTicket(sealer, admittedValidity);
    }

    private WaitingTicket(SealedValues sealer, Duration admittedValidity) {
        if (!PURPOSE.equals(sealer.purpose())) {
            throw new IllegalArgumentException("A waiting ticket is sealed for " + PURPOSE + ", not " + sealer.purpose());
        }
        this.sealer = sealer;
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
        String[] sealed = sealer.open(value, 2, MAX_VALUE_LENGTH).orElse(null);
        if (sealed == null || !VERSION.equals(sealed[0])) {
            return Read.FORGED;
        }
        try {
            String[] fields = new String(DECODER.decode(sealed[1]), UTF_8).split("\\|", -1);
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
        return sealer.seal(VERSION, ENCODER.encodeToString(payload.getBytes(UTF_8)));
    }

    /** Only for messages: never the key. */
    @Override
    public String toString() {
        return "WaitingTicket[admitted validity " + admittedValidity + "]";
    }
}
