package fr.ent.portal.credential.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

import com.password4j.BcryptFunction;
import com.password4j.types.Bcrypt;

/** Each legacy format against vectors made here by independent code (the JDK, password4j's hashing side). */
class LegacyPasswordsTest {

    private static final String PASSWORD = "Vieux-Mot2passe é";
    private final SecureRandom random = new SecureRandom();

    @Test
    void bcryptOfEachVersion() {
        for (Bcrypt version : new Bcrypt[] {Bcrypt.A, Bcrypt.B, Bcrypt.Y}) {
            String stored = BcryptFunction.getInstance(version, 6).hash(PASSWORD).getResult();
            assertTrue(stored.startsWith("$2" + version.minor() + "$06$"), stored);
            assertEquals(Optional.of(LegacyPasswords.Format.BCRYPT), LegacyPasswords.formatOf(stored));
            assertTrue(LegacyPasswords.verify(stored, PASSWORD.toCharArray()), stored);
            assertFalse(LegacyPasswords.verify(stored, "vieux-mot2passe é".toCharArray()));
        }
    }

    @Test
    void bcryptKnownVector() {
        // the sample file's hash of "soleil2019" (docs/IMPORT.md)
        String stored = "$2b$10$jvc7weOFEonCiVKgRR1jIORswHl2i6AXENXknsOz2Wj9e3s3L4Znu";
        assertTrue(LegacyPasswords.verify(stored, "soleil2019".toCharArray()));
        assertFalse(LegacyPasswords.verify(stored, "soleil2020".toCharArray()));
    }

    @Test
    void saltedSha256MadeWithTheJdk() throws Exception {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        sha.update(PASSWORD.getBytes(UTF_8));
        String stored = "sha256:" + HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(sha.digest());
        assertEquals(Optional.of(LegacyPasswords.Format.SALTED_SHA256), LegacyPasswords.formatOf(stored));
        assertTrue(LegacyPasswords.verify(stored, PASSWORD.toCharArray()));
        assertTrue(LegacyPasswords.verify(stored.toUpperCase().replace("SHA256:", "sha256:"), PASSWORD.toCharArray()),
                "hex in either case");
        assertFalse(LegacyPasswords.verify(stored, (PASSWORD + "x").toCharArray()));
    }

    @Test
    void pbkdf2MadeWithTheJdk() throws Exception {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 1000, 256)).getEncoded();
        String stored = "pbkdf2-sha256:1000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
        assertEquals(Optional.of(LegacyPasswords.Format.PBKDF2_SHA256), LegacyPasswords.formatOf(stored));
        assertTrue(LegacyPasswords.verify(stored, PASSWORD.toCharArray()));
        assertFalse(LegacyPasswords.verify(stored, "autre".toCharArray()));
    }

    @Test
    void pbkdf2OfTheSampleFile() {
        String stored = "pbkdf2-sha256:10000:C63A3l7tEjSrzQmH:Rh6t/O7rWgIcTvTFna5TLNA4wPIy/zLGKHj98uCx5FM=";
        assertTrue(LegacyPasswords.verify(stored, "Maison#Bleue2019".toCharArray()));
    }

    @Test
    void malformedOrOutOfBoundsHashesAreRefused() {
        for (String stored : new String[] {null, "", "plain", "$2a$03$" + "a".repeat(53), "$2a$17$" + "a".repeat(53),
                "$2x$10$" + "a".repeat(53), "sha256:zz:00", "sha256:0011:" + "0".repeat(64),
                "pbkdf2-sha256:999:AAAAAAAAAAA=:" + "A".repeat(44), "pbkdf2-sha256:10000000:AAAAAAAAAAA=:" + "A".repeat(44),
                "pbkdf2-sha256:1000:AAAA:" + "A".repeat(44), "{SSHA256}abc", "x".repeat(300)}) {
            assertEquals(Optional.empty(), LegacyPasswords.formatOf(stored), String.valueOf(stored));
            assertFalse(LegacyPasswords.verify(stored, "x".toCharArray()));
        }
    }
}
