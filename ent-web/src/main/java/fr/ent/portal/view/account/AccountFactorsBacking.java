package fr.ent.portal.view.account;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.mfa.boundary.SecondFactors;
import fr.ent.portal.security.Clients;
import fr.ent.portal.view.Texts;

/**
 * The second factor on /account: set up an authenticator app (QR code, then a first code), new recovery codes (shown
 * once, on the answer of the post that made them), remove the app.
 */
@Named
@RequestScoped
public class AccountFactorsBacking {

    @EJB
    SecondFactors factors;

    @Inject
    Clients clients;

    @Inject
    AccountBacking page;

    private String code;
    private SecondFactors.Status status;
    private SecondFactors.TotpEnrolment enrolment;
    private List<String> recoveryCodes;

    /** A new secret: the page shows its QR code and waits for a first code. */
    public String start() {
        enrolment = factors.startTotp(page.accountId());
        status = null;
        return null;
    }

    /** The first code from the app: the factor counts from now on; the recovery codes are shown on this answer. */
    public String confirm() {
        recoveryCodes = factors.confirmTotp(page.accountId(), code, clients.of(Faces.getRequest()));
        status = null;
        Texts.globalInfo("mfa.enrol.done");
        return null;
    }

    /** Ten new recovery codes; the previous ones stop working. */
    public String regenerate() {
        recoveryCodes = factors.regenerateRecoveryCodes(page.accountId(), clients.of(Faces.getRequest()));
        status = null;
        return null;
    }

    public String remove() {
        factors.removeTotp(page.accountId(), clients.of(Faces.getRequest()));
        Texts.flash("mfa.removed");
        return "/account?faces-redirect=true";
    }

    public SecondFactors.Status getStatus() {
        if (status == null) {
            status = factors.status(page.accountId());
        }
        return status;
    }

    /** The pending enrolment (started by {@link #start}, or earlier and not confirmed yet). */
    public SecondFactors.TotpEnrolment getEnrolment() {
        if (enrolment == null && getStatus().totpPending()) {
            enrolment = factors.pendingTotp(page.accountId()).orElse(null);
        }
        return enrolment;
    }

    public List<String> getRecoveryCodes() { return recoveryCodes; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
}
