package fr.ent.portal.security;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.keys.control.SealedValues;

/**
 * The web side's door to the portal's one codec of signed values ({@link SealedValues}, one per purpose, keyed from
 * the master signing key by {@link SigningKeys#sealer}: the same on every node): the ways back to CAS
 * ({@code CasReturn}), to OpenID Connect ({@code OidcReturn}) and to SAML ({@code SamlReturn}) {@link #seal} and
 * {@link #open} their cookies, the
 * forms' anti-forgery tokens ({@link FormTokens}) {@link #sign} and {@link #verify}. The domain's own signed values
 * (remembered device, waiting-room ticket) use the same codec.
 */
@ApplicationScoped
public class Signatures {

    @EJB
    SigningKeys keys;

    private final Map<String, SealedValues> byPurpose = new ConcurrentHashMap<>();

    private SealedValues sealer(String purpose) {
        return byPurpose.computeIfAbsent(purpose, keys::sealer);
    }

    /** The signature of {@code text} with the key of {@code purpose}. */
    public String sign(String purpose, String text) {
        return sealer(purpose).sign(text);
    }

    /**
     * A signed value for {@code purpose}: the fields joined by dots, then the signature of that text. The fields must
     * hold no dot (numbers, letters, URL-safe Base64).
     */
    public String seal(String purpose, String... fields) {
        return sealer(purpose).seal(fields);
    }

    /**
     * The {@code count} fields of a value {@link #seal}ed for {@code purpose}, when its signature holds; empty for
     * anything else (absent, longer than {@code maxLength}, unsigned, forged, another purpose, another number of fields).
     */
    public Optional<String[]> open(String purpose, String value, int count, int maxLength) {
        return sealer(purpose).open(value, count, maxLength);
    }

    /** A value {@link #openDated} opened: when it was sealed, and its fields after the version and that time. */
    public record Dated(Instant at, String[] fields) {
    }

    /**
     * A value {@link #seal}ed for {@code purpose} as {@code version}, the epoch second it was sealed, then
     * {@code count - 2} fields (the ways back to CAS, OpenID Connect and SAML): empty when {@link #open} is, for another
     * version or a malformed time, and when it was sealed more than {@code maxAgeSeconds} before {@code now}
     * ({@code now} null: at any age).
     */
    public Optional<Dated> openDated(String purpose, String value, int count, int maxLength, String version, Instant now,
                                     long maxAgeSeconds) {
        return open(purpose, value, count, maxLength).flatMap(fields -> {
            if (!version.equals(fields[0])) {
                return Optional.empty();
            }
            try {
                Instant at = Instant.ofEpochSecond(Long.parseLong(fields[1]));
                return now != null && at.plusSeconds(maxAgeSeconds).isBefore(now) ? Optional.empty()
                        : Optional.of(new Dated(at, Arrays.copyOfRange(fields, 2, fields.length)));
            } catch (NumberFormatException | DateTimeException malformed) {
                return Optional.empty();
            }
        });
    }

    /** Whether {@code signature} is that of {@code text} for {@code purpose} (compared in constant time). */
    public boolean verify(String purpose, String text, String signature) {
        return sealer(purpose).verify(text, signature);
    }
}
