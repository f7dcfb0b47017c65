package fr.ent.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import fr.ent.portal.keys.boundary.SigningKeys;

/**
 * The web side's one signer: HMAC-SHA256 with the portal's key for a purpose ({@link SigningKeys#key}, derived from the
 * master signing key, the same on every node), the signature in URL-safe Base64 without padding. Used by the way back
 * to CAS ({@code CasReturn}) and the forms' anti-forgery tokens ({@link FormTokens}).
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

    /** Whether {@code signature} is that of {@code text} for {@code purpose} (compared in constant time). */
    public boolean verify(String purpose, String text, String signature) {
        return signature != null && MessageDigest.isEqual(sign(purpose, text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
