package fr.ent.portal.security;

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

    /** Whether {@code signature} is that of {@code text} for {@code purpose} (compared in constant time). */
    public boolean verify(String purpose, String text, String signature) {
        return sealer(purpose).verify(text, signature);
    }
}
