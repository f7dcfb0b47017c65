package fr.ent.portal.federation.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a private key (its JWK text) for the database with AES-256-GCM under the key-encryption key, the key id as
 * associated data (a sealed key moved to another row does not open). Stored form: {@code v1.<iv>.<ciphertext>}.
 */
public final class KeySealing {

    public static final int KEY_BYTES = 32;
    private static final String VERSION = "v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeySealing(byte[] keyEncryptionKey) {
        if (keyEncryptionKey == null || keyEncryptionKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes");
        }
        this.key = new SecretKeySpec(keyEncryptionKey, "AES");
    }

    public String seal(String kid, String privateJwk) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return VERSION + "." + b64.encodeToString(iv) + "." + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Sealing a federation key failed", e);
        }
    }

    /**
     * @throws IllegalStateException naming the key id when the value does not open with this key (another key-encryption
     *                               key, or a changed row)
     */
    public String open(String kid, String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("The federation key " + kid + " is not sealed in a known form");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, b64.decode(parts[1])));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(b64.decode(parts[2])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The federation key " + kid + " does not open with the configured "
                    + "key-encryption key (ent.federation.key-encryption-key changed?)", e);
        }
    }
}
