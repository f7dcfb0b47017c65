package fr.ent.portal.signin.boundary;

import java.util.Set;

import fr.ent.portal.platform.Profile;

/**
 * The answer to a sign-in attempt. Whatever went wrong, the page shows one message ("Identifiant ou
 * mot de passe incorrect"), except for a provisional code that was right but has expired.
 */
public record SignInResult(Outcome outcome, Long accountId, String identifier, Profile profile,
                           Set<String> groups, String deviceCookie) {

    public enum Outcome {
        /** Signed in: grant the session. */
        SIGNED_IN,
        /** The provisional code (or a password with steps still owed) was right: the first-connection steps follow. */
        FIRST_CONNECTION,
        /** The password was right and the account has a second factor: the second step asks it (no session yet). */
        SECOND_FACTOR,
        /** The password was right and the account's profile needs a second factor it has not enrolled: enrol first. */
        ENROL_FACTOR,
        /**
         * The password was right, the profile needs a second factor, and the account's factor is a passkey (no app):
         * sign in with the passkey (no session; the password's count is given back).
         */
        PASSKEY_NEEDED,
        /** The provisional code was right but has expired: a new letter is needed. */
        CODE_EXPIRED,
        /** Anything else: wrong secret, unknown or disabled account, held back, rate-limited. */
        REFUSED,
        /** The hash queue could not take the attempt within the maximum wait: nothing was checked. */
        BUSY
    }

    public static SignInResult busy() {
        return new SignInResult(Outcome.BUSY, null, null, null, Set.of(), null);
    }

    public static SignInResult refused() {
        return new SignInResult(Outcome.REFUSED, null, null, null, Set.of(), null);
    }

    /** The password was right but a second step follows (ask the factor, or enrol one). */
    public boolean secondStep() {
        return outcome == Outcome.SECOND_FACTOR || outcome == Outcome.ENROL_FACTOR;
    }

    public boolean signedIn() {
        return outcome == Outcome.SIGNED_IN;
    }

    /** For logs and tests: never contains a secret. */
    @Override
    public String toString() {
        return "SignInResult[" + outcome + ", " + identifier + "]";
    }

}
