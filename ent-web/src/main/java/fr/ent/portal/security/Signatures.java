package fr.ent.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import fr.ent.portal.keys.boundary.SigningKeys;

/**
 * The web side's one signer: HMAC-SHA256 with the portal's key for a purpose ({@link SigningKeys#key}, derived from the
 * master signing key, the same on every node), the signature in URL-safe Base64 without padding. The one codec of the
 * web side's signed values too ({@link #seal}, {@link #open}: fields joined by dots, then the signature), used by the
 * ways back to CAS ({@code CasReturn}) and to OpenID Connect ({@code OidcReturn}); the forms' anti-forgery tokens
 * ({@link FormTokens}) sign with {@link #sign}.
 */
@ApplicationScoped
public class Signatures {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @EJB
    SigningKeys keys;

    private final Map<String, SecretKeySpec> byPurpose = new ConcurrentHashMap<>();

    /** The signature of {@code text} with the key of {@code purpose}. */
    public String sign(String purpose, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(byPurpose.computeIfAbsent(purpose, p -> new SecretKeySpec(keys.key(p), "HmacSHA256")));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A signed value for {@code purpose}: the fields joined by dots, then the signature of that text. The fields must
     * hold no dot (numbers, letters, URL-safe Base64).
     */
    public String seal(String purpose, String... fields) {
        String text = String.join(".", fields);
        return text + "." + sign(purpose, text);
    }

    /**
     * The {@code count} fields of a value {@link #seal}ed for {@code purpose}, when its signature holds; empty for
     * anything else (absent, longer than {@code maxLength}, unsigned, forged, another number of fields).
     */
    public Optional<String[]> open(String purpose, String value, int count, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String text = value.substring(0, dot);
        if (!verify(purpose, text, value.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] fields = text.split("\\.", -1);
        return fields.length == count ? Optional.of(fields) : Optional.empty();
    }

    /** Whether {@code signature} is that of {@code text} for {@code purpose} (compared in constant time). */
    public boolean verify(String purpose, String text, String signature) {
        return signature != null && MessageDigest.isEqual(sign(purpose, text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
