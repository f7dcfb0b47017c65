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

/** Backing bean of /help/password: an identifier or an email in, always the same answer out. */
@Named
@RequestScoped
public class HelpPasswordBacking {

    /** Longer input is not looked at (the field allows 254 characters). */
    /** The answer page's parameter: the same words for everyone, so anyone may ask for it. */
    static final String SENT = "sent";

    @EJB
    Recovery recovery;

    @Inject
    Clients clients;

    @Inject
    FormTokens formTokens;

    private String typed;
    private boolean done;

    /** The answer is a redirect (post-redirect-get): a reload or the back button never sends the request again. */
    public String submit() {
        try {
            recovery.forgottenPassword(typed == null || !InputLimits.within(typed, InputLimits.TYPED) ? "?" : typed,
                    clients.of(Faces.getRequest()), formTokens.posted(Faces.getRequest()));
            done = true;
            return "/help/password?faces-redirect=true&" + SENT + "=1";
        } finally {
            typed = null;
        }
    }

    public String getTyped() {
        return typed;
    }

    public void setTyped(String typed) {
        this.typed = typed;
    }

    /** After a request (this one, or the redirect that followed it): the same answer whatever was typed. */
    public boolean isDone() {
        return done || "1".equals(Faces.getRequestParameter(SENT));
    }
}
