package fr.ent.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * How a person is signed in: the /login page (a JSF form) calls
 * {@code SecurityContext.authenticate} with a {@link PasswordSignIn}; a valid answer of the identity
 * store becomes the container's caller, kept in the HTTP session ({@link AutoApplySession}). A visitor
 * without a session who asks for a protected page is sent to the pending first-connection step if
 * one is under way, else to /login.
 */
@AutoApplySession
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            CredentialValidationResult result = identityStores.validate(context.getAuthParameters().getCredential());
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.notifyContainerAboutLogin(result);
        }
        if (context.isProtected()) {
            HttpSession session = request.getSession(false);
            boolean firstConnection = session != null && session.getAttribute(FirstConnectionState.ATTRIBUTE) != null;
            return context.redirect(request.getContextPath() + (firstConnection ? "/first-connection" : "/login"));
        }
        return context.doNothing();
    }
}
