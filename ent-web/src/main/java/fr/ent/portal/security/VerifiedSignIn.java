package fr.ent.portal.security;

import jakarta.security.enterprise.credential.Credential;

import fr.ent.portal.signin.boundary.SignInResult;

/**
 * A sign-in the server itself has just proven (the first connection completed after a right provisional
 * code). Only server code builds it from a boundary's answer; nothing a browser sends becomes one.
 */
public final class VerifiedSignIn implements Credential {

    private final SignInResult result;

    public VerifiedSignIn(SignInResult result) {
        if (!result.signedIn()) {
            throw new IllegalArgumentException("Not a completed sign-in: " + result);
        }
        this.result = result;
    }

    public SignInResult result() {
        return result;
    }
}
