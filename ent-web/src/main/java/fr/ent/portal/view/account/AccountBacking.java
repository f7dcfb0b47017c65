package fr.ent.portal.view.account;

import java.util.List;
import java.time.ZoneId;
import java.util.TimeZone;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.myaccount.boundary.AccountSummary;
import fr.ent.portal.myaccount.boundary.MyAccount;
import fr.ent.portal.account.boundary.RecentSignIn;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;

/**
 * Backing bean of /account: the account's summary, recent sign-ins and "sign out everywhere". Its forms each have
 * their bean: {@link AccountPasswordBacking}, {@link AccountEmailBacking}, {@link AccountDevicesBacking}.
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
    ZoneId zone;

    private AccountSummary summary;
    private List<RecentSignIn> signIns;

    public String signOutEverywhere() {
        myAccount.signOutEverywhere(accountId(), clients.of(Faces.getRequest()));
        return "/account?faces-redirect=true";
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

    /** Dates are shown in the schools' time zone. */
    public TimeZone getTimeZone() {
        return TimeZone.getTimeZone(zone);
    }

    /** The signed-in account (the page is for signed-in people only). */
    long accountId() {
        Long id = sessions.accountId(Faces.getRequest());
        if (id == null) {
            throw new IllegalStateException("No signed-in account");
        }
        return id;
    }

}
