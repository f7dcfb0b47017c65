package fr.ent.portal.view.account;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.security.Clients;
import fr.ent.portal.security.DeviceCookies;
import fr.ent.portal.security.RememberCookies;
import fr.ent.portal.signin.boundary.RememberedDevices;
import fr.ent.portal.view.Texts;

/**
 * The devices of /account: "recognised devices" is this browser's stateless device cookie; "remembered devices"
 * (stay signed in) are listed from the server, each with "forget", and "forget all".
 */
@Named
@RequestScoped
public class AccountDevicesBacking {

    @EJB
    RememberedDevices devices;

    @Inject
    Clients clients;

    @Inject
    DeviceCookies deviceCookies;

    @Inject
    RememberCookies rememberCookies;

    @Inject
    AccountBacking page;

    private List<RememberedDevices.Device> rememberedDevices;

    /** Forgets this browser: the device cookie is removed (it is stateless, nothing to revoke on the server yet). */
    public String forgetBrowser() {
        Faces.getResponse().addCookie(clients.newCookie(Faces.getRequest(), DeviceCookies.NAME, "", 0));
        Texts.flash("account_page.devices.forgotten");
        return "/account?faces-redirect=true";
    }

    /** Forgets one remembered device: its token no longer signs in. */
    public String forgetDevice(long deviceId) {
        devices.forget(page.accountId(), deviceId, clients.of(Faces.getRequest()));
        Texts.flash("account_page.remembered.forgotten");
        return "/account?faces-redirect=true";
    }

    /** Forgets every remembered device of the account (this browser's cookie is cleared too). */
    public String forgetAllDevices() {
        devices.forgetAll(page.accountId(), clients.of(Faces.getRequest()), "forget-all");
        rememberCookies.clear(Faces.getRequest(), Faces.getResponse());
        Texts.flash("account_page.remembered.all_forgotten");
        return "/account?faces-redirect=true";
    }

    public List<RememberedDevices.Device> getRememberedDevices() {
        if (rememberedDevices == null) {
            rememberedDevices = devices.of(page.accountId());
        }
        return rememberedDevices;
    }

    public boolean isBrowserRemembered() {
        return deviceCookies.read(Faces.getRequest()) != null;
    }
}
