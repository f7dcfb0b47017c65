package fr.ent.portal.signin.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import fr.ent.portal.keys.control.SealedValues;

/**
 * The value of a signed, stateless cookie telling "this browser has signed in to these accounts".
 * <p>
 * Format: {@code v1.<payload>.<signature>}, both parts URL-safe Base64 without padding. The payload (UTF-8) is
 * {@code <deviceId>|<issued at, epoch seconds>|<account ids, most recent first>}; the two fields {@code v1} and the
 * payload are sealed by the portal's one codec ({@link SealedValues}, purpose {@value #PURPOSE}), so that changing any
 * character of the value invalidates it. The device id is random, drawn when a browser gets its first cookie and kept on every re-issue.
 * <p>
 * A value is trusted for {@code maxAge} after its last issue (every successful sign-in issues it again).
 */
public final class DeviceCookie {

    /** The purpose the values are sealed for. */
    public static final String PURPOSE = "device-cookie";
    public static final String VERSION = "v1";
    public static final int MAX_ACCOUNTS = 10;
    public static final int MAX_VALUE_LENGTH = 1024;

    private static final int DEVICE_ID_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a cookie value is worth. */
    public enum Status {
        /** No cookie. */
        ABSENT,
        /** Signed by us and recent enough. */
        VALID,
        /** Signed by us but older than the maximum age: not trusted, not suspicious. */
        EXPIRED,
        /** Not signed by us (forged, tampered, truncated, another version, garbage, too long): worth an audit. */
        INVALID
    }

    /**
     * A browser that signed in before.
     *
     * @param deviceId   stable random id of the browser (URL-safe Base64), kept across re-issues
     * @param accountIds the accounts it signed in to, most recent first
     * @param issuedAt   when the value was last issued
     */
    public record Trusted(String deviceId, List<Long> accountIds, Instant issuedAt) {

        public Trusted {
            accountIds = List.copyOf(accountIds);
        }

        /** True when this browser has signed in to {@code accountId}. */
        public boolean trusts(long accountId) {
            return accountIds.contains(accountId);
        }
    }

    /**
     * @param status  what the value is worth
     * @param trusted the browser, present only when {@code status} is {@link Status#VALID}
     */
    public record ReadResult(Status status, Optional<Trusted> trusted) {
    }

    private static final ReadResult ABSENT = new ReadResult(Status.ABSENT, Optional.empty());
    private static final ReadResult INVALID = new ReadResult(Status.INVALID, Optional.empty());
    private static final ReadResult EXPIRED = new ReadResult(Status.EXPIRED, Optional.empty());

    private final SealedValues sealer;
    private final Duration maxAge;
    private final SecureRandom random;

    /** With the codec of {@code portalKey} for {@value #PURPOSE}. */
    public DeviceCookie(byte[] portalKey, Duration maxAge) {
        this(new SealedValues(PURPOSE, portalKey), maxAge, new SecureRandom());
    }

    /** With the portal's codec for {@value #PURPOSE} ({@code SigningKeys.sealer}). */
    public static DeviceCookie sealedBy(SealedValues sealer, Duration maxAge) {
        return new DeviceCookie(sealer, maxAge, new SecureRandom());
    }

    DeviceCookie(SealedValues sealer, Duration maxAge, SecureRandom random) {
        if (!PURPOSE.equals(sealer.purpose())) {
            throw new IllegalArgumentException("A device cookie is sealed for " + PURPOSE + ", not " + sealer.purpose());
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("Invalid device cookie maximum age: " + maxAge);
        }
        this.sealer = sealer;
        this.maxAge = maxAge;
        this.random = random;
    }

    /**
     * The value to set after a successful sign-in to {@code accountId}: the accounts of the existing value when it is
     * valid (else none) with {@code accountId} first, at most {@value #MAX_ACCOUNTS}, the same device id when the
     * existing value is valid (else a new one), issued at {@code now}.
     */
    public String issue(String existingValueOrNull, long accountId, Instant now) {
        Optional<Trusted> existing = read(existingValueOrNull, now);
        String deviceId = existing.map(Trusted::deviceId).orElseGet(this::newDeviceId);
        List<Long> accounts = new ArrayList<>(MAX_ACCOUNTS);
        accounts.add(accountId);
        existing.ifPresent(t -> t.accountIds().stream()
                .filter(id -> id != accountId)
                .limit(MAX_ACCOUNTS - 1)
                .forEach(accounts::add));
        StringBuilder payload = new StringBuilder(deviceId).append('|').append(now.getEpochSecond()).append('|');
        for (int i = 0; i < accounts.size(); i++) {
            payload.append(i == 0 ? "" : ",").append(accounts.get(i));
        }
        return sealer.seal(VERSION, ENCODER.encodeToString(payload.toString().getBytes(UTF_8)));
    }

    /** The browser behind a valid value; empty for anything else. Never throws. */
    public Optional<Trusted> read(String value, Instant now) {
        return inspect(value, now).trusted();
    }

    /** What {@code value} is worth: absent, valid, expired or invalid (to audit). Never throws. */
    public ReadResult inspect(String value, Instant now) {
        if (value == null || value.isEmpty()) {
            return ABSENT;
        }
        Trusted trusted = sealer.open(value, 2, MAX_VALUE_LENGTH)
                .filter(fields -> VERSION.equals(fields[0]))
                .map(fields -> parse(fields[1]))
                .orElse(null);
        if (trusted == null) {
            return INVALID;
        }
        if (!now.isBefore(expiry(trusted.issuedAt()))) {
            return EXPIRED;
        }
        return new ReadResult(Status.VALID, Optional.of(trusted));
    }

    private Instant expiry(Instant issuedAt) {
        try {
            return issuedAt.plus(maxAge);
        } catch (RuntimeException beyondTime) {
            return Instant.MAX;
        }
    }

    /** The payload of a value we signed; null when it does not parse (never expected). */
    private static Trusted parse(String encodedPayload) {
        try {
            String[] fields = new String(DECODER.decode(encodedPayload), UTF_8).split("\\|", -1);
            if (fields.length != 3 || fields[0].isEmpty() || fields[2].isEmpty()) {
                return null;
            }
            Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(fields[1]));
            List<Long> accounts = new ArrayList<>();
            for (String id : fields[2].split(",", -1)) {
                accounts.add(Long.parseLong(id));
            }
            if (accounts.size() > MAX_ACCOUNTS) {
                return null;
            }
            return new Trusted(fields[0], accounts, issuedAt);
        } catch (RuntimeException notOurs) {
            return null;
        }
    }

    private String newDeviceId() {
        byte[] id = new byte[DEVICE_ID_BYTES];
        random.nextBytes(id);
        return ENCODER.encodeToString(id);
    }

    /** Only for messages: never the key. */
    @Override
    public String toString() {
        return "DeviceCookie[" + VERSION + ", max age " + maxAge + "]";
    }
}
