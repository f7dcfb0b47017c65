package fr.ent.portal.view.reset;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.help.boundary.PasswordResets;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.LinkTokens;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.NewPasswordFields;

/**
 * Backing bean of /reset: the link from the reset mail (its token exchanged for a cookie of this page by {@link LinkTokens}
 * at the first GET), then the new password under the one policy.
 */
@Named
@RequestScoped
public class ResetBacking {

    @EJB
    PasswordResets resets;

    @Inject
    Clients clients;

    private String token;
    private PasswordResets.Link link;
    private final NewPasswordFields newPassword = new NewPasswordFields();

    /** View action (GET): what the link is worth. */
    public void check() {
        link = resets.check(token(), clients.of(Faces.getRequest()));
    }

    /** The token the link left in this page's cookie ({@link LinkTokens}), never one from the URL. */
    private String token() {
        if (token == null) {
            token = LinkTokens.read(Faces.getRequest(), "/reset");
        }
        return token;
    }

    public String reset() {
        try {
            newPassword.handOver((password, confirmation) -> {
                resets.reset(token(), password, confirmation, clients.of(Faces.getRequest()));
                return null;
            });
        } catch (InvalidInputException refused) {
            throw refused; // next to the fields (view.error.PageExceptionHandler)
        } catch (BusinessException spent) {
            check(); // not a message: the link expired or was used meanwhile, and the page now says so in its place
            return null;
        }
        LinkTokens.clear(clients, Faces.getRequest(), Faces.getResponse(), "/reset");
        Texts.flash("reset.done");
        return "/login?faces-redirect=true";
    }

    /** The link's worth, also on the form's postback (where the view action does not run). */
    public PasswordResets.Link getLink() {
        if (link == null) {
            check();
        }
        return link;
    }

    public NewPasswordFields getNewPassword() { return newPassword; }
}
