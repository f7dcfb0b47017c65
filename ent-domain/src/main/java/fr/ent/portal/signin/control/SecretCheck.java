package fr.ent.portal.signin.control;

import java.time.Instant;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.admission.control.Priority;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.credential.control.ProvisionalCodes;

/**
 * The one secret check of a sign-in, after the guards ({@link SignInGuards}): which secret the account holds (its
 * state), then exactly one slot of hash work whatever the answer, so that neither the answer nor its time tells an
 * unknown, disabled or secret-less account from a wrong password. The typed secret is never wiped here (the caller
 * owns it); each verification gets its own copy, which the hashing wipes.
 */
public final class SecretCheck {

    /** What the typed secret proved. */
    public enum Outcome { PASSWORD_OK, CODE_OK, CODE_EXPIRED, LEGACY_OK, WRONG }

    /** The secret an account can be signed in with, from its state: the account-state guard. */
    public enum Held {
        /** Unknown, disabled, or nothing to compare with: a dummy verification, always wrong. */
        NOTHING,
        /** A provisional (first-connection) code. */
        PROVISIONAL_CODE,
        /** The previous ENT's hash, kept until the first sign-in here. */
        LEGACY,
        /** An Argon2id password hash. */
        PASSWORD;

        /** The secret {@code account} (null: unknown) holds. */
        public static Held by(Account account) {
            if (account == null || account.status() == AccountStatus.DISABLED) {
                return NOTHING;
            }
            if (account.status() == AccountStatus.PROVISIONAL && account.provisionalCodeHash() != null) {
                return PROVISIONAL_CODE;
            }
            if (account.hasLegacyCredential()) {
                return LEGACY;
            }
            return account.passwordHash() == null ? NOTHING : PASSWORD;
        }
    }

    private final PasswordHashing hashing;

    public SecretCheck(PasswordHashing hashing) {
        this.hashing = hashing;
    }

    /**
     * Compares {@code secret} with what {@code account} (null: unknown) holds at {@code now}, in one gated
     * verification queued with {@code priority}. Throws the hashing's busy exception when no slot came in time.
     */
    public Outcome check(Account account, char[] secret, Instant now, Priority priority) {
        return switch (Held.by(account)) {
            case NOTHING -> {
                hashing.verifyDummy(secret.clone(), priority);
                yield Outcome.WRONG;
            }
            case PROVISIONAL_CODE -> {
                char[] code = ProvisionalCodes.normalize(new String(secret)).toCharArray();
                if (!hashing.verify(account.provisionalCodeHash(), code, priority)) {
                    yield Outcome.WRONG;
                }
                yield account.hasValidProvisionalCode(now) ? Outcome.CODE_OK : Outcome.CODE_EXPIRED;
            }
            // the old ENT's hash (bcrypt, salted SHA-256, PBKDF2) in the same slot as a dummy Argon2id verification
            // when wrong: at least the Argon2id work of any other answer
            case LEGACY -> hashing.verifyLegacy(account.legacyHash(), secret.clone(), priority)
                    ? Outcome.LEGACY_OK : Outcome.WRONG;
            case PASSWORD -> hashing.verify(account.passwordHash(), secret.clone(), priority)
                    ? Outcome.PASSWORD_OK : Outcome.WRONG;
        };
    }
}
