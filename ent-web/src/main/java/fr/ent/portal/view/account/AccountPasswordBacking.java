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
import fr.ent.portal.view.NewPasswordFields;
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

    private final NewPasswordFields newPassword = new NewPasswordFields();
    private String current;

    public String changePassword() {
        try {
            Instant sessionsValidAfter = newPassword.handOver((password, confirmation) -> myAccount.changePassword(
                    page.accountId(), Typed.chars(current), password, confirmation, clients.of(Faces.getRequest())));
            sessions.keep(Faces.getRequest(), sessionsValidAfter); // the other sessions end, this one stays
        } finally {
            current = null;
        }
        Texts.flash("account_page.password.done");
        return "/account?faces-redirect=true";
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public NewPasswordFields getNewPassword() { return newPassword; }
}
