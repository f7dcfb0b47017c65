package fr.ent.portal.mfa.control;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps an account's TOTP secret encrypted in the database: AES-256-GCM under a key derived from the portal's master
 * key for this purpose only ({@code keys.boundary.SigningKeys}), the account id bound as associated data, so that a
 * sealed secret copied to another account's row does not open. Stored text: {@code t1:<Base64 of iv + ciphertext>}.
 */
public final class SecretSealing {

    /** The purpose under which the sealing key is derived from the master key. */
    public static final String PURPOSE = "mfa-totp-secret";
    private static final String PREFIX = "t1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretSealing(byte[] derivedKey) {
        if (derivedKey == null || derivedKey.length != 32) {
            throw new IllegalArgumentException("The sealing key must have 32 bytes");
        }
        this.key = new SecretKeySpec(derivedKey, "AES");
    }

    public String seal(long accountId, byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, accountId, secret);
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv)
                .put(sealed).array());
    }

    /** @throws IllegalStateException when the text was not sealed for this account with this key */
    public byte[] open(long accountId, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A TOTP secret in an unknown form");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A TOTP secret in an unknown form", e);
        }
        if (all.length <= IV_BYTES) {
            throw new IllegalStateException("A TOTP secret in an unknown form");
        }
        byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
        return run(Cipher.DECRYPT_MODE, iv, accountId, java.util.Arrays.copyOfRange(all, IV_BYTES, all.length));
    }

    private byte[] run(int mode, byte[] iv, long accountId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(("totp:" + accountId).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The TOTP secret of account " + accountId
                    + " does not open with the master key (ent.security.signing-key changed?)", e);
        }
    }
}
