package fr.ent.portal.view.login;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.Client;
import fr.ent.portal.security.DeviceCookies;
import fr.ent.portal.security.RememberCookies;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.signin.boundary.RememberedDevices;
import fr.ent.portal.signin.boundary.SignInResult;
import fr.ent.portal.view.Landings;

/**
 * What follows a sign-in the container accepted, from /login (password) or /second-factor (password and a factor):
 * the new session, how the person signed in (read by single sign-on), the device cookie, "stay signed in", and the
 * landing page.
 */
@ApplicationScoped
public class SignInCompletion {

    @Inject
    Sessions sessions;

    @Inject
    DeviceCookies deviceCookies;

    @Inject
    RememberCookies rememberCookies;

    @Inject
    Landings landings;

    @EJB
    RememberedDevices devices;

    @Inject
    jakarta.security.enterprise.SecurityContext security;

    @Inject
    fr.ent.portal.security.Clients clients;

    /**
     * A sign-in the server itself proved (password and second factor): given to the container as a
     * {@link fr.ent.portal.security.VerifiedSignIn}, then completed as {@link #complete}.
     */
    public String completeVerified(HttpServletRequest request, HttpServletResponse response, SignInResult result,
                                   boolean remember) {
        return completeVerified(request, response, result, remember, Sessions.PASSWORD_AND_FACTOR);
    }

    /** As {@link #completeVerified(HttpServletRequest, HttpServletResponse, SignInResult, boolean)}, saying how. */
    public String completeVerified(HttpServletRequest request, HttpServletResponse response, SignInResult result,
                                   boolean remember, String how) {
        jakarta.security.enterprise.AuthenticationStatus status = security.authenticate(request, response,
                jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams()
                        .credential(new fr.ent.portal.security.VerifiedSignIn(result)).newAuthentication(true));
        if (status != jakarta.security.enterprise.AuthenticationStatus.SUCCESS) {
            throw new IllegalStateException("A verified sign-in was not accepted: " + status);
        }
        return complete(request, response, result, remember, clients.of(request), how);
    }

    /**
     * @param how {@link Sessions#PASSWORD} or {@link Sessions#PASSWORD_AND_FACTOR}
     * @return the landing, to follow ({@link Landings#follow}) or to link to
     */
    public String complete(HttpServletRequest request, HttpServletResponse response, SignInResult result,
                           boolean remember, Client client, String how) {
        sessions.signedIn(request, result);
        if (!Sessions.PASSKEY.equals(how)) {
            sessions.passwordTyped(request);
        }
        sessions.signedInWith(request, how);
        deviceCookies.write(request, response, result.deviceCookie());
        if (remember) {
            rememberCookies.write(request, response, devices.remember(result.accountId(), client,
                    !Sessions.PASSWORD.equals(how)));
        }
        return landings.afterSignIn(request, result.accountId());
    }
}
