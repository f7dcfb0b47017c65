package fr.ent.portal.security;

import fr.ent.portal.signin.boundary.SignInAttempt;

import jakarta.security.enterprise.credential.Credential;

/** The credential of the /login form: what was typed plus where it came from. */
public final class PasswordSignIn implements Credential {

    private final SignInAttempt attempt;

    public PasswordSignIn(SignInAttempt attempt) {
        this.attempt = attempt;
    }

    public SignInAttempt attempt() {
        return attempt;
    }

    @Override
    public void clear() {
        if (attempt.secret() != null) {
            java.util.Arrays.fill(attempt.secret(), '\0');
        }
    }
}
