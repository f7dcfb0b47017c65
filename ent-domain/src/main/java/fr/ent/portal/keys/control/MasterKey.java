package fr.ent.portal.keys.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.persistence.EntityManager;

import fr.ent.portal.keys.entity.SigningKey;
import fr.ent.portal.platform.config.Setting;

/**
 * The portal's master signing key: from the setting {@code ent.security.signing-key}, or generated once and kept in
 * the database (table {@code signing_key}) so that every node, before and after a restart, signs with the same key.
 * Each use gets its own key derived from the master one ({@link #derive}), never the master key itself.
 */
public final class MasterKey {

    public static final int MIN_BYTES = 32;
    /** The row of the master key in {@code signing_key}. */
    public static final String ROW_NAME = "master";

    /** Runs work in a transaction of its own, committed before returning (or rolled back on failure). */
    public interface Transactions {
        <T> T inNewTransaction(Function<EntityManager, T> work);
    }

    private final Transactions transactions;
    private final SecureRandom random;

    public MasterKey(Transactions transactions, SecureRandom random) {
        this.transactions = Objects.requireNonNull(transactions);
        this.random = Objects.requireNonNull(random);
    }

    /**
     * The key of the database row, inserted on first use. When two nodes insert at once, one insert fails on the
     * primary key and that node reads the other's key: both end with the same one.
     */
    public byte[] loadOrCreate(Instant now) {
        Optional<byte[]> stored = transactions.inNewTransaction(MasterKey::read);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] fresh = new byte[MIN_BYTES];
        random.nextBytes(fresh);
        try {
            transactions.inNewTransaction(em -> {
                em.persist(new SigningKey(ROW_NAME, Base64.getEncoder().encodeToString(fresh), now));
                em.flush();
                return null;
            });
            return fresh;
        } catch (RuntimeException lostTheRace) {
            return transactions.inNewTransaction(MasterKey::read).orElseThrow(() -> lostTheRace);
        }
    }

    private static Optional<byte[]> read(EntityManager em) {
        return Optional.ofNullable(em.find(SigningKey.class, ROW_NAME))
                .map(row -> decode(row.keyValue(), "table signing_key, row " + ROW_NAME));
    }

    /**
     * The key written in the setting {@code ent.security.signing-key} (Base64 of at least 32 bytes).
     *
     * @throws IllegalStateException naming the setting when the value is not Base64 or too short
     */
    public static byte[] fromSetting(String base64) {
        return decode(base64, "setting " + Setting.SECURITY_SIGNING_KEY.key() + " (" + Setting.SECURITY_SIGNING_KEY.environmentVariable() + ")");
    }

    private static byte[] decode(String base64, String source) {
        String text = base64 == null ? "" : base64.strip();
        byte[] key;
        try {
            key = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("The signing key of the " + source + " is not Base64", notBase64);
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("The signing key of the " + source + " has " + key.length
                    + " bytes; it needs at least " + MIN_BYTES + " (for example: openssl rand -base64 32)");
        }
        return key;
    }

    /** The key of one purpose ({@code "device-cookie"}, {@code "waiting-room"}…): HMAC-SHA256(master, purpose). */
    public static byte[] derive(byte[] master, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("A signing key needs a purpose");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
