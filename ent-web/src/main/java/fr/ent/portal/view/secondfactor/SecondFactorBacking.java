package fr.ent.portal.view.secondfactor;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.mfa.boundary.SecondFactors;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.DeviceCookies;
import fr.ent.portal.security.SecondStepState;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.signin.boundary.SecondStep;
import fr.ent.portal.signin.boundary.SignInResult;
import fr.ent.portal.view.Landings;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.login.SignInCompletion;

/** /second-factor, after a right password: the app's code or a recovery code; or the enrolment a profile owes. */
@Named
@RequestScoped
public class SecondFactorBacking {

    @EJB
    SecondStep secondStep;
    @EJB
    SecondFactors factors;
    @Inject
    Sessions sessions;
    @Inject
    Clients clients;
    @Inject
    DeviceCookies deviceCookies;
    @Inject
    SignInCompletion completion;

    private String code;
    private SecondFactors.TotpEnrolment enrolment;
    private List<String> recoveryCodes;
    private String next;

    /** View action: only with a second step under way; a signed-in person goes home, anyone else to /login. */
    public String load() {
        if (sessions.secondStep(Faces.getRequest()) != null) {
            return null;
        } else if (Faces.getRequest().getUserPrincipal() != null) {
            return "/home?faces-redirect=true";
        }
        Texts.flashWarn("second_factor.error.expired");
        return "/login?faces-redirect=true";
    }

    /** The code of the app or a recovery code. */
    public String verify() throws java.io.IOException {
        SecondStepState state = sessions.secondStep(Faces.getRequest());
        return state == null ? load() : Landings.follow(signIn(state, secondStep.verify(state.accountId(), code,
                deviceCookies.read(Faces.getRequest()), clients.of(Faces.getRequest()))));
    }

    /** The first code of the app being enrolled: signed in, and the recovery codes shown once on this answer. */
    public String enrol() {
        SecondStepState state = sessions.secondStep(Faces.getRequest());
        SecondStep.Enrolled enrolled = state == null ? null : secondStep.enrol(state.accountId(), code,
                deviceCookies.read(Faces.getRequest()), clients.of(Faces.getRequest()));
        next = enrolled == null ? null : signIn(state, enrolled.result());
        recoveryCodes = enrolled == null ? null : enrolled.recoveryCodes();
        return enrolled == null ? load() : null;
    }

    /** "Later", within the grace period. */
    public String putOff() throws java.io.IOException {
        SecondStepState state = sessions.secondStep(Faces.getRequest());
        return state == null ? load() : Landings.follow(signIn(state, secondStep.putOff(state.accountId(),
                deviceCookies.read(Faces.getRequest()), clients.of(Faces.getRequest()))));
    }

    private String signIn(SecondStepState state, SignInResult result) {
        return completion.completeVerified(Faces.getRequest(), Faces.getResponse(), result, state.remember());
    }

    public SecondStepState getState() { return sessions.secondStep(Faces.getRequest()); }
    public boolean isMayPutOff() { return getState() != null && getState().enrol() && secondStep.mayPutOff(getState().accountId()); }
    public List<String> getRecoveryCodes() { return recoveryCodes; }
    public String getNextUrl() { return next == null ? null : Faces.getRequestContextPath() + next.replace("?faces-redirect=true", ""); }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }

    /** The enrolment shown: started on first display, the same secret until confirmed. */
    public SecondFactors.TotpEnrolment getEnrolment() {
        SecondStepState state = getState();
        if (enrolment == null && state != null && state.enrol()) {
            enrolment = factors.pendingTotp(state.accountId()).orElseGet(() -> factors.startTotp(state.accountId()));
        }
        return enrolment;
    }
}
