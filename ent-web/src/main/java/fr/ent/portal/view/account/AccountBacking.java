package fr.ent.portal.view.account;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import fr.ent.portal.myaccount.boundary.AccountSummary;
import fr.ent.portal.myaccount.boundary.MyAccount;
import fr.ent.portal.account.boundary.RecentSignIn;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.DeviceCookies;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.view.Texts;

/**
 * Backing bean of /account: password, recovery email, recent sign-ins, this browser, sign out everywhere.
 * "Recognised devices" is this browser's stateless device cookie; "remembered devices" (stay signed in) are listed
 * from the server, each with "forget", and "forget all".
 */
@Named
@RequestScoped
public class AccountBacking {

    @EJB
    MyAccount myAccount;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    DeviceCookies deviceCookies;

    @Inject
    fr.ent.portal.platform.config.Settings settings;

    @jakarta.ejb.EJB
    fr.ent.portal.signin.boundary.RememberedDevices devices;

    @Inject
    fr.ent.portal.security.RememberCookies rememberCookies;

    private List<fr.ent.portal.signin.boundary.RememberedDevices.Device> rememberedDevices;
    private AccountSummary summary;
    private List<RecentSignIn> signIns;
    private String current;
    private String password;
    private String confirmation;
    private String email;
    private String emailCurrent;

    public String changePassword() {
        try {
            java.time.Instant sessionsValidAfter = myAccount.changePassword(accountId(), chars(current), chars(password),
                    chars(confirmation), clients.of(Faces.getRequest()));
            sessions.keep(Faces.getRequest(), sessionsValidAfter); // the other sessions end, this one stays
        } catch (BusinessException refused) {
            Texts.show(refused, "password");
            return null;
        } finally {
            current = null;
            password = null;
            confirmation = null;
        }
        flash("account_page.password.done");
        return "/account?faces-redirect=true";
    }

    public String changeEmail() {
        try {
            myAccount.changeRecoveryEmail(accountId(), email, chars(emailCurrent),
                    sessions.passwordTypedAt(Faces.getRequest()), clients.of(Faces.getRequest()));
        } catch (BusinessException refused) {
            Texts.show(refused, "recovery");
            return null;
        } finally {
            emailCurrent = null;
        }
        flash("account_page.email.done", email.strip());
        return "/account?faces-redirect=true";
    }

    /** Forgets this browser: the device cookie is removed (it is stateless, nothing to revoke on the server yet). */
    public String forgetBrowser() {
        HttpServletRequest request = Faces.getRequest();
        Faces.getResponse().addCookie(clients.newCookie(request, DeviceCookies.NAME, "", 0));
        flash("account_page.devices.forgotten");
        return "/account?faces-redirect=true";
    }

    /** Forgets one remembered device: its token no longer signs in. */
    public String forgetDevice(long deviceId) {
        devices.forget(accountId(), deviceId, clients.of(Faces.getRequest()));
        flash("account_page.remembered.forgotten");
        return "/account?faces-redirect=true";
    }

    /** Forgets every remembered device of the account (this browser's cookie is cleared too). */
    public String forgetAllDevices() {
        devices.forgetAll(accountId(), clients.of(Faces.getRequest()), "forget-all");
        rememberCookies.clear(Faces.getRequest(), Faces.getResponse());
        flash("account_page.remembered.all_forgotten");
        return "/account?faces-redirect=true";
    }

    public List<fr.ent.portal.signin.boundary.RememberedDevices.Device> getRememberedDevices() {
        if (rememberedDevices == null) {
            rememberedDevices = devices.of(accountId());
        }
        return rememberedDevices;
    }

    public String signOutEverywhere() {
        myAccount.signOutEverywhere(accountId(), clients.of(Faces.getRequest()));
        return "/account?faces-redirect=true";
    }

    public boolean isBrowserRemembered() {
        return deviceCookies.read(Faces.getRequest()) != null;
    }

    public AccountSummary getSummary() {
        if (summary == null) {
            summary = myAccount.summary(accountId());
        }
        return summary;
    }

    public List<RecentSignIn> getSignIns() {
        if (signIns == null) {
            signIns = myAccount.recentSignIns(accountId());
        }
        return signIns;
    }

    private long accountId() {
        Long id = sessions.accountId(Faces.getRequest());
        if (id == null) {
            throw new IllegalStateException("No signed-in account");
        }
        return id;
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    private static void flash(String key, Object... params) {
        Messages.addFlashGlobalInfo(Texts.text(key, params).replace("'", "''"));
    }

    /** Dates are shown in the schools' time zone. */
    public java.util.TimeZone getTimeZone() {
        return java.util.TimeZone.getTimeZone(settings.timeZone());
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmailCurrent() { return emailCurrent; }
    public void setEmailCurrent(String emailCurrent) { this.emailCurrent = emailCurrent; }
}
