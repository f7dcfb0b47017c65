package fr.ent.portal.view.account;

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

/** The recovery e-mail form of /account (the password, unless typed a moment ago). */
@Named
@RequestScoped
public class AccountEmailBacking {

    @EJB
    MyAccount myAccount;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    AccountBacking page;

    private String email;
    private String emailCurrent;

    public String changeEmail() {
        try {
            myAccount.changeRecoveryEmail(page.accountId(), email, Typed.chars(emailCurrent),
                    sessions.passwordTypedAt(Faces.getRequest()), clients.of(Faces.getRequest()));
        } finally {
            emailCurrent = null;
        }
        Texts.flash("account_page.email.done", email.strip());
        return "/account?faces-redirect=true";
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmailCurrent() { return emailCurrent; }
    public void setEmailCurrent(String emailCurrent) { this.emailCurrent = emailCurrent; }
}
