package fr.ent.portal.view.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.omnifaces.util.Faces;

import fr.ent.portal.admission.WaitingRoom;
import fr.ent.portal.metrics.PortalMetrics;
import fr.ent.portal.platform.Client;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.DeviceCookies;
import fr.ent.portal.security.PasswordSignIn;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.security.SignInOutcome;
import fr.ent.portal.signin.boundary.SignInAttempt;
import fr.ent.portal.signin.boundary.SignInResult;
import fr.ent.portal.view.Landings;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.error.DatabaseOutageFilter;
import fr.ent.portal.security.InputLimits;

/** Backing bean of /login: identifier and password (or provisional code) in, home or first connection out. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    SignInOutcome outcome;

    @Inject
    Clients clients;

    @Inject
    DeviceCookies deviceCookies;

    @Inject
    Sessions sessions;

    @Inject
    Landings landings;

    @Inject
    WaitingRoom waitingRoom;

    @Inject
    fr.ent.portal.security.RememberCookies rememberCookies;

    @jakarta.ejb.EJB
    fr.ent.portal.signin.boundary.RememberedDevices devices;

    @Inject
    PortalMetrics metrics;

    private String identifier;
    private String password;
    private boolean remember;

    public String signIn() throws java.io.IOException {
        HttpServletRequest request = Faces.getRequest();
        HttpServletResponse response = Faces.getResponse();
        String secret = password == null ? "" : password;
        password = null;
        // longer secrets are not checked at all (the policy allows 128 characters)
        if (!InputLimits.within(secret, InputLimits.SECRET) || identifier == null
                || !InputLimits.within(identifier, InputLimits.IDENTIFIER)) {
            Texts.globalError("login.error.failed");
            return null;
        }
        sessions.discard(request);
        Client client = clients.of(request);
        SignInAttempt attempt = new SignInAttempt(identifier, secret.toCharArray(), client.ip(), client.userAgent(),
                deviceCookies.read(request), Boolean.TRUE.equals(request.getAttribute(WaitingRoom.ADMITTED_ATTRIBUTE)));
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().credential(new PasswordSignIn(attempt)).newAuthentication(true));
        if (request.getAttribute(DatabaseOutageFilter.SWALLOWED_FAILURE) instanceof RuntimeException failure) {
            throw failure; // not a wrong password (the container only said "failed"): the error pages answer
        }
        SignInResult result = outcome.get();
        metrics.signIn(result.outcome().name());
        if (result.outcome() == SignInResult.Outcome.BUSY) {
            // nothing was checked: a browser waits in the waiting room, another client retries later (503)
            waitingRoom.turnAway(request, response);
            Faces.responseComplete();
            return null;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            Faces.responseComplete();
            return null;
        }
        if (status == AuthenticationStatus.SUCCESS) {
            sessions.signedIn(request, result);
            sessions.passwordTyped(request);
            deviceCookies.write(request, response, result.deviceCookie());
            if (remember) {
                rememberCookies.write(request, response, devices.remember(result.accountId(), client));
            }
            return Landings.follow(landings.afterSignIn(request, result.accountId()));
        }
        switch (result.outcome()) {
            case FIRST_CONNECTION -> {
                sessions.startFirstConnection(request, result);
                return "/first-connection?faces-redirect=true";
            }
            case CODE_EXPIRED -> Texts.globalError("login.error.code_expired");
            default -> Texts.globalError("login.error.failed");
        }
        return null;
    }

    public boolean isRemember() { return remember; }
    public void setRemember(boolean remember) { this.remember = remember; }
    public String getIdentifier() { return identifier; }
    public void setIdentifier(String identifier) { this.identifier = identifier; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
