package fr.ent.portal.view.help;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.help.boundary.Recovery;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.view.Texts;

/** Backing bean of /help/password: an identifier or an email in, always the same answer out. */
@Named
@RequestScoped
public class HelpPasswordBacking {

    /** Longer input is not looked at (the field allows 254 characters). */
    static final int MAX_TYPED = 1024;

    @EJB
    Recovery recovery;

    @Inject
    Clients clients;

    private String typed;
    private boolean done;

    public void submit() {
        try {
            recovery.forgottenPassword(typed == null || typed.length() > MAX_TYPED ? "?" : typed,
                    clients.of(Faces.getRequest()));
            done = true;
        } catch (BusinessException refused) {
            Texts.show(refused, "forgottenPassword");
        }
        typed = null;
    }

    public String getTyped() {
        return typed;
    }

    public void setTyped(String typed) {
        this.typed = typed;
    }

    public boolean isDone() {
        return done;
    }
}
