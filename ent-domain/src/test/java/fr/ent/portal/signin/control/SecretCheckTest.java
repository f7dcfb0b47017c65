package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admission.control.Priority;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.signin.control.SecretCheck.Held;
import fr.ent.portal.signin.control.SecretCheck.Outcome;

/**
 * The one secret check, without a server: which secret each account state holds, what each answer proves, and one
 * slot of hash work for every answer (the unknown, the disabled and the secret-less pay a dummy verification).
 */
class SecretCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");
    private static final String PASSWORD = "Cahier#Rouge2026";
    private static final String CODE = "ABCD-EFGH-JKMN";

    /** Small Argon2id parameters; records which verification ran, for the one-slot rule. */
    private static final class CountingHashing extends PasswordHashing {
        final List<String> calls = new ArrayList<>();

        CountingHashing() {
            super(64, 1, 1, 2);
        }

        @Override
        public boolean verify(String phc, char[] password, Priority priority) {
            calls.add("verify");
            return super.verify(phc, password, priority);
        }

        @Override
        public boolean verifyLegacy(String legacyHash, char[] password, Priority priority) {
            calls.add("legacy");
            return super.verifyLegacy(legacyHash, password, priority);
        }

        @Override
        public boolean verifyDummy(char[] password, Priority priority) {
            calls.add("dummy");
            return super.verifyDummy(password, priority);
        }
    }

    private final CountingHashing hashing = new CountingHashing();
    private final SecretCheck check = new SecretCheck(hashing);

    private static Account pupil() {
        return new Account("l.martin1", "Léa", "Martin", null, Profile.PUPIL, NOW.minus(Duration.ofDays(30)));
    }

    private Account withPassword() {
        Account account = pupil();
        account.changePassword(hashing.hash(PASSWORD.toCharArray()));
        return account;
    }

    private Account withCode(Instant expiresAt) {
        Account account = pupil();
        account.issueProvisionalCode(hashing.hash(CODE.replace("-", "").toCharArray()), expiresAt);
        return account;
    }

    private Outcome check(Account account, String secret) {
        hashing.calls.clear();
        char[] typed = secret.toCharArray();
        Outcome outcome = check.check(account, typed, NOW, Priority.NORMAL);
        assertEquals(1, hashing.calls.size(), "one verification whatever the answer: " + hashing.calls);
        assertEquals(secret, new String(typed), "the caller's secret is left for the caller to wipe");
        return outcome;
    }

    @Test
    void theAccountStateNamesTheSecretItHolds() throws Exception {
        assertEquals(Held.NOTHING, Held.by(null));
        assertEquals(Held.NOTHING, Held.by(pupil()), "no code, no password yet");
        assertEquals(Held.PASSWORD, Held.by(withPassword()));
        assertEquals(Held.PROVISIONAL_CODE, Held.by(withCode(NOW.plusSeconds(60))));
        assertEquals(Held.PROVISIONAL_CODE, Held.by(withCode(NOW.minusSeconds(60))), "an expired code still compares");
        Account legacy = pupil();
        legacy.keepLegacyCredential("lmartin", legacyHash(PASSWORD));
        assertEquals(Held.LEGACY, Held.by(legacy));
        Account disabled = withPassword();
        disabled.disable();
        assertEquals(Held.NOTHING, Held.by(disabled), "a disabled account's password is never compared");
    }

    @Test
    void aPasswordIsRightOrWrong() {
        Account account = withPassword();
        assertEquals(Outcome.PASSWORD_OK, check(account, PASSWORD));
        assertEquals(Outcome.WRONG, check(account, PASSWORD + "x"));
        assertEquals(List.of("verify"), hashing.calls);
    }

    @Test
    void unknownDisabledAndSecretLessAccountsPayADummyVerificationAndAreWrong() {
        assertEquals(Outcome.WRONG, check(null, PASSWORD));
        assertEquals(List.of("dummy"), hashing.calls);
        Account disabled = withPassword();
        disabled.disable();
        assertEquals(Outcome.WRONG, check(disabled, PASSWORD), "the right password of a disabled account");
        assertEquals(List.of("dummy"), hashing.calls);
        assertEquals(Outcome.WRONG, check(pupil(), PASSWORD));
        assertEquals(List.of("dummy"), hashing.calls);
    }

    @Test
    void aProvisionalCodeIsNormalisedAndExpires() {
        Account valid = withCode(NOW.plusSeconds(60));
        assertEquals(Outcome.CODE_OK, check(valid, CODE));
        assertEquals(Outcome.CODE_OK, check(valid, " abcd efgh-jkmn "), "case, spaces and dashes do not count");
        assertEquals(Outcome.WRONG, check(valid, "ABCD-EFGH-JKMP"));
        assertEquals(Outcome.CODE_EXPIRED, check(withCode(NOW.minusSeconds(1)), CODE), "right but too old");
        assertEquals(Outcome.WRONG, check(withCode(NOW.minusSeconds(1)), "ABCD-EFGH-JKMP"),
                "an expired code tells nothing to a wrong guess");
    }

    @Test
    void thePreviousEntsHashSignsInOnce() throws Exception {
        Account legacy = pupil();
        legacy.keepLegacyCredential("lmartin", legacyHash(PASSWORD));
        assertEquals(Outcome.LEGACY_OK, check(legacy, PASSWORD));
        assertEquals(Outcome.WRONG, check(legacy, "Autre#Chose2026"));
        assertEquals(List.of("legacy"), hashing.calls, "the legacy check and its dummy share one slot");
    }

    private static String legacyHash(String password) throws Exception {
        byte[] salt = "sel-de-test-1234".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1000, 256)).getEncoded();
        return "pbkdf2-sha256:1000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }
}
