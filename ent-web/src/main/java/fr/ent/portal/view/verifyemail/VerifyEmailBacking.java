package fr.ent.portal.view.verifyemail;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.account.boundary.EmailVerifications;
import fr.ent.portal.security.Clients;

/** Backing bean of /verify-email?token=…: the link from the verification mail. */
@Named
@RequestScoped
public class VerifyEmailBacking {

    @EJB
    EmailVerifications verifications;

    @Inject
    Clients clients;

    private String token;
    private EmailVerifications.Result result;

    public void verify() {
        result = verifications.verify(token, clients.of(Faces.getRequest()));
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getResult() {
        return result == null ? EmailVerifications.Result.INVALID.name() : result.name();
    }

    public boolean isVerified() {
        return result == EmailVerifications.Result.VERIFIED;
    }
}
