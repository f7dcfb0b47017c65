package fr.ent.portal.view.firstconnection;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;

import fr.ent.portal.security.Clients;
import fr.ent.portal.security.FirstConnectionState;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.security.VerifiedSignIn;
import fr.ent.portal.signin.boundary.FirstConnection;
import fr.ent.portal.signin.boundary.SignInResult;
import fr.ent.portal.view.Landings;
import fr.ent.portal.view.NewPasswordFields;
import fr.ent.portal.view.Texts;

/** Backing bean of /first-connection: the steps owed after a right provisional code, all in one form. */
@Named
@RequestScoped
public class FirstConnectionBacking {

    @EJB
    FirstConnection firstConnection;

    @Inject
    Sessions sessions;

    @Inject
    Landings landings;

    @Inject
    Clients clients;

    @Inject
    SecurityContext security;

    private final NewPasswordFields newPassword = new NewPasswordFields();
    private FirstConnection.Steps steps;
    private String email;
    private boolean charterAccepted;

    /**
     * View action: only with a first connection under way; otherwise back to /login, or home for a person already
     * signed in (the back button after the first connection: no "start again" message, nothing to do twice).
     */
    public String load() {
        FirstConnectionState state = sessions.firstConnection(Faces.getRequest());
        if (state == null && Faces.getRequest().getUserPrincipal() != null) {
            return "/home?faces-redirect=true";
        }
        if (state == null) {
            Texts.flashWarn("first_connection.error.expired");
            return "/login?faces-redirect=true";
        }
        return getSteps() == null ? "/login?faces-redirect=true" : null;
    }

    public String complete() throws java.io.IOException {
        HttpServletRequest request = Faces.getRequest();
        FirstConnectionState state = sessions.firstConnection(request);
        if (state == null) {
            return load();
        }
        SignInResult result = newPassword.handOver((password, confirmation) -> firstConnection.complete(
                state.accountId(), password, confirmation, email, charterAccepted, clients.of(request)));
        AuthenticationStatus status = security.authenticate(request, Faces.getResponse(),
                withParams().credential(new VerifiedSignIn(result)).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            Texts.globalError("login.error.failed");
            return null;
        }
        sessions.signedIn(request, result);
        sessions.passwordTyped(request);
        Texts.flash("first_connection.done");
        return Landings.follow(landings.afterFirstConnection(request, result.accountId()));
    }

    /** The steps owed, read once per request (also on the form's postback, where the view action does not run). */
    public FirstConnection.Steps getSteps() {
        FirstConnectionState state = steps == null ? sessions.firstConnection(Faces.getRequest()) : null;
        if (state != null) {
            steps = firstConnection.steps(state.accountId()).orElse(null);
        }
        return steps;
    }

    public NewPasswordFields getNewPassword() { return newPassword; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isCharterAccepted() { return charterAccepted; }
    public void setCharterAccepted(boolean charterAccepted) { this.charterAccepted = charterAccepted; }
}
