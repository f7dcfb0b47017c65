package fr.ent.portal.keys.control;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The portal's one codec of signed values (issue 22 item 2), bound to one purpose: the remembered-device cookie, the
 * waiting-room ticket, the ways back to CAS, to OpenID Connect and to SAML, the forms' anti-forgery tokens.
 * <p>
 * A sealed value is its fields joined by dots, then a dot and the signature of that text: HMAC-SHA256 in URL-safe
 * Base64 without padding. The key is that of the purpose ({@link MasterKey#derive}: HMAC-SHA256 of the portal's key and
 * the purpose's name), so that a value sealed for one purpose never opens for another, even where both are given the
 * same portal key. Signatures are compared as text, in constant time, so that no two spellings verify. Expiry and
 * meaning of the fields belong to each value's own class (it puts an issue time in a field).
 */
public final class SealedValues {

    public static final int MIN_KEY_BYTES = MasterKey.MIN_BYTES;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String purpose;
    private final SecretKeySpec key;

    /**
     * @param purpose   the name the values are bound to ({@code "device-cookie"}, {@code "cas-return"}…)
     * @param portalKey the portal's signing key (at least {@value #MIN_KEY_BYTES} bytes), never used as such: the
     *                  purpose's key is derived from it
     */
    public SealedValues(String purpose, byte[] portalKey) {
        if (portalKey == null || portalKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(MasterKey.derive(portalKey, purpose), ALGORITHM);
        this.purpose = purpose;
    }

    public String purpose() {
        return purpose;
    }

    /** The signature of {@code text}. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return B64.encodeToString(mac.doFinal(text.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is that of {@code text} (compared in constant time). */
    public boolean verify(String text, String signature) {
        return text != null && signature != null
                && MessageDigest.isEqual(sign(text).getBytes(US_ASCII), signature.getBytes(UTF_8));
    }

    /** The fields joined by dots, then the signature of that text. The fields hold no dot (numbers, Base64URL…). */
    public String seal(String... fields) {
        String text = String.join(".", fields);
        return text + "." + sign(text);
    }

    /**
     * The {@code count} fields of a value {@link #seal}ed for this purpose, when its signature holds; empty for anything
     * else (absent, longer than {@code maxLength}, unsigned, forged, of another purpose or key, another number of
     * fields). Never throws.
     */
    public Optional<String[]> open(String value, int count, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0 || !verify(value.substring(0, dot), value.substring(dot + 1))) {
            return Optional.empty();
        }
        String[] fields = value.substring(0, dot).split("\\.", -1);
        return fields.length == count ? Optional.of(fields) : Optional.empty();
    }

    /** Only for messages: never the key. */
    @Override
    public String toString() {
        return "SealedValues[" + purpose + "]";
    }
}
