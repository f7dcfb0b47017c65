package fr.ent.portal.view.verifyemail;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.account.boundary.EmailVerifications;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.LinkTokens;

/**
 * Backing bean of /verify-email: the link from the verification mail, its token exchanged for a cookie of this page by
 * {@link LinkTokens} at the first GET; the cookie is cleared once the link is used.
 */
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
        token = LinkTokens.read(Faces.getRequest(), "/verify-email");
        result = verifications.verify(token, clients.of(Faces.getRequest()));
        if (token != null) {
            LinkTokens.clear(clients, Faces.getRequest(), Faces.getResponse(), "/verify-email");
        }
    }

    public String getResult() {
        return result == null ? EmailVerifications.Result.INVALID.name() : result.name();
    }

    public boolean isVerified() {
        return result == EmailVerifications.Result.VERIFIED;
    }
}
