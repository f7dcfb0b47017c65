package fr.ent.portal.view.login;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import fr.ent.portal.view.error.DatabaseOutageFilter;

/**
 * One sending of the sign-in form: the identifier and the password (or provisional code) given to the container
 * ({@code SecurityContext.authenticate} with a {@link PasswordSignIn}), then the answer. Every way on is a redirect
 * written here (home or the establishment choice or a pending single sign-on, the second step, the first connection, the
 * waiting room); a refusal is a message key, which the page shows again with the form ({@link LoginBacking}).
 * {@link SignInPostFilter} calls it before any Faces view is restored; {@link LoginBacking} only shows its refusals.
 */
@ApplicationScoped
public class SignInSubmission {

    /** What became of a sending: answered (the response is written), or refused with the page's message key. */
    public record Answer(String refusal) {
        static final Answer ANSWERED = new Answer(null);

        public boolean answered() {
            return refusal == null;
        }
    }

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

    public Answer submit(HttpServletRequest request, HttpServletResponse response, String identifier, String password,
                         boolean remember) throws IOException {
        String secret = password == null ? "" : password; // longer than the cap: not checked (the policy allows 128)
        if (!InputLimits.signInForm(identifier, secret)) {
            return new Answer("login.error.failed");
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
        if (result.outcome() == SignInResult.Outcome.BUSY || status == AuthenticationStatus.SEND_CONTINUE) {
            if (result.outcome() == SignInResult.Outcome.BUSY) {
                waitingRoom.turnAway(request, response); // nothing checked: the waiting room, or 503 for a script
            }
            return Answer.ANSWERED;
        }
        if (status == AuthenticationStatus.SUCCESS) {
            redirect(request, response, completion.complete(request, response, result, remember, client, Sessions.PASSWORD));
            return Answer.ANSWERED;
        }
        switch (result.outcome()) {
            case SECOND_FACTOR, ENROL_FACTOR -> {
                sessions.startSecondStep(request, result, remember);
                redirect(request, response, "/second-factor");
            }
            case FIRST_CONNECTION -> {
                sessions.startFirstConnection(request, result);
                redirect(request, response, "/first-connection");
            }
            case CODE_EXPIRED -> {
                return new Answer("login.error.code_expired");
            }
            case PASSKEY_NEEDED -> {
                return new Answer("login.error.passkey_needed");
            }
            default -> {
                return new Answer("login.error.failed");
            }
        }
        return Answer.ANSWERED;
    }

    /** A landing as {@link fr.ent.portal.view.Landings} gives it (a Faces outcome or a path) as a redirect. */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String landing) throws IOException {
        String path = landing.replace("?faces-redirect=true", "").replace("&faces-redirect=true", "");
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + path));
    }
}
