package fr.ent.portal.view.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

import fr.ent.portal.admission.WaitingRoom;
import fr.ent.portal.metrics.PortalMetrics;
import fr.ent.portal.platform.Client;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.DeviceCookies;
import fr.ent.portal.security.InputLimits;
import fr.ent.portal.security.PasswordSignIn;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.security.SignInOutcome;
import fr.ent.portal.signin.boundary.SignInAttempt;
import fr.ent.portal.signin.boundary.SignInResult;
import fr.ent.portal.view.Landings;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.error.DatabaseOutageFilter;

/** Backing bean of /login: identifier and password (or provisional code) in; home, second step or first connection out. */
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
    WaitingRoom waitingRoom;
    @Inject
    SignInCompletion completion;
    @Inject
    PortalMetrics metrics;

    private String identifier;
    private String password;
    private boolean remember;

    public String signIn() throws java.io.IOException {
        HttpServletRequest request = Faces.getRequest();
        String secret = password == null ? "" : password; // longer than the cap: not checked (the policy allows 128)
        password = null;
        if (!InputLimits.signInForm(identifier, secret)) {
            Texts.globalError("login.error.failed");
            return null;
        }
        sessions.discard(request);
        Client client = clients.of(request);
        SignInAttempt attempt = new SignInAttempt(identifier, secret.toCharArray(), client.ip(), client.userAgent(),
                deviceCookies.read(request), Boolean.TRUE.equals(request.getAttribute(WaitingRoom.ADMITTED_ATTRIBUTE)));
        AuthenticationStatus status = security.authenticate(request, Faces.getResponse(),
                withParams().credential(new PasswordSignIn(attempt)).newAuthentication(true));
        if (request.getAttribute(DatabaseOutageFilter.SWALLOWED_FAILURE) instanceof RuntimeException failure) {
            throw failure; // not a wrong password (the container only said "failed"): the error pages answer
        }
        SignInResult result = outcome.get();
        metrics.signIn(result.outcome().name());
        if (result.outcome() == SignInResult.Outcome.BUSY || status == AuthenticationStatus.SEND_CONTINUE) {
            if (result.outcome() == SignInResult.Outcome.BUSY) {
                waitingRoom.turnAway(request, Faces.getResponse()); // nothing checked: the waiting room, or 503 for a script
            }
            Faces.responseComplete();
            return null;
        }
        if (status == AuthenticationStatus.SUCCESS) {
            return Landings.follow(completion.complete(request, Faces.getResponse(), result, remember, client, Sessions.PASSWORD));
        }
        switch (result.outcome()) {
            case SECOND_FACTOR, ENROL_FACTOR -> sessions.startSecondStep(request, result, remember);
            case FIRST_CONNECTION -> sessions.startFirstConnection(request, result);
            case CODE_EXPIRED -> Texts.globalError("login.error.code_expired");
            case PASSKEY_NEEDED -> Texts.globalError("login.error.passkey_needed");
            default -> Texts.globalError("login.error.failed");
        }
        return result.secondStep() ? "/second-factor?faces-redirect=true"
                : result.outcome() == SignInResult.Outcome.FIRST_CONNECTION ? "/first-connection?faces-redirect=true" : null;
    }

    public boolean isRemember() { return remember; }
    public void setRemember(boolean remember) { this.remember = remember; }
    public String getIdentifier() { return identifier; }
    public void setIdentifier(String identifier) { this.identifier = identifier; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
