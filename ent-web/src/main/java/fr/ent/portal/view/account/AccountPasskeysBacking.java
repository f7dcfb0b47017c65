package fr.ent.portal.view.account;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.mfa.boundary.Passkeys;
import fr.ent.portal.security.Clients;
import fr.ent.portal.view.Texts;

/**
 * The passkeys of /account: listed (name, added, last used) with "remove" each. Adding one is WebAuthn in the browser
 * ({@code js/passkeys.js} and {@code view.login.PasskeyServlet}): the page only shows the button where it can work.
 */
@Named
@RequestScoped
public class AccountPasskeysBacking {

    @EJB
    Passkeys passkeys;

    @Inject
    Clients clients;

    @Inject
    AccountBacking page;

    private List<Passkeys.Listed> listed;

    public String remove(long passkeyId) {
        passkeys.remove(page.accountId(), passkeyId, clients.of(Faces.getRequest()));
        Texts.flash("passkey.removed");
        return "/account?faces-redirect=true";
    }

    public List<Passkeys.Listed> getPasskeys() {
        if (listed == null) {
            listed = passkeys.of(page.accountId());
        }
        return listed;
    }
}
