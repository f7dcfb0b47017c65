package fr.ent.portal.security;

import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import fr.ent.portal.signin.boundary.SignIn;
import fr.ent.portal.signin.boundary.SignInResult;

/**
 * The portal's only identity store: accounts in the database, checked by the {@link SignIn} boundary.
 * Only a full sign-in is VALID; a right provisional code is INVALID here (no session yet) and the page
 * reads {@link SignInOutcome} to start the first connection.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @EJB
    SignIn signIn;

    @Inject
    SignInOutcome outcome;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        SignInResult result;
        if (credential instanceof PasswordSignIn password) {
            result = signIn.verify(password.attempt());
        } else if (credential instanceof VerifiedSignIn verified) {
            result = verified.result();
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        outcome.set(result);
        return result.signedIn()
                ? new CredentialValidationResult(result.identifier(), result.groups())
                : CredentialValidationResult.INVALID_RESULT;
    }

    /** Also PROVIDE_GROUPS: without it the container drops the groups of a validation result (the roles). */
    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
