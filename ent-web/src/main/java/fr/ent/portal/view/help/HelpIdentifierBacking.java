package fr.ent.portal.view.help;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.help.boundary.Recovery;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.FormTokens;
import fr.ent.portal.security.InputLimits;

/** Backing bean of /help/identifier: an email in, always the same answer out. */
@Named
@RequestScoped
public class HelpIdentifierBacking {

    @EJB
    Recovery recovery;

    @Inject
    Clients clients;

    @Inject
    FormTokens formTokens;

    private String email;
    private boolean done;

    /** The answer is a redirect (post-redirect-get): a reload or the back button never sends the request again. */
    public String submit() {
        recovery.forgottenIdentifier(email == null || !InputLimits.within(email, InputLimits.TYPED) ? "?" : email,
                clients.of(Faces.getRequest()), formTokens.posted(Faces.getRequest()));
        done = true;
        email = null;
        return "/help/identifier?faces-redirect=true&" + HelpPasswordBacking.SENT + "=1";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isDone() {
        return done || "1".equals(Faces.getRequestParameter(HelpPasswordBacking.SENT));
    }
}
