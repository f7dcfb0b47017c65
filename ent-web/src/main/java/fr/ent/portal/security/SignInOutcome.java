package fr.ent.portal.security;

import jakarta.enterprise.context.RequestScoped;

import fr.ent.portal.signin.boundary.SignInResult;

/** The detailed answer of the last sign-in of this request, for the page (first connection, expired code). */
@RequestScoped
public class SignInOutcome {

    private SignInResult result = SignInResult.refused();

    public SignInResult get() {
        return result;
    }

    void set(SignInResult result) {
        this.result = result;
    }
}
