package fr.ent.portal.view.account;

import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.myaccount.boundary.MyAccount;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.Typed;

/** The password form of /account: the current password, the new one typed twice. */
@Named
@RequestScoped
public class AccountPasswordBacking {

    @EJB
    MyAccount myAccount;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    AccountBacking page;

    private String current;
    private String password;
    private String confirmation;

    public String changePassword() {
        try {
            Instant sessionsValidAfter = myAccount.changePassword(page.accountId(), Typed.chars(current),
                    Typed.chars(password), Typed.chars(confirmation), clients.of(Faces.getRequest()));
            sessions.keep(Faces.getRequest(), sessionsValidAfter); // the other sessions end, this one stays
        } finally {
            current = null;
            password = null;
            confirmation = null;
        }
        Texts.flash("account_page.password.done");
        return "/account?faces-redirect=true";
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
