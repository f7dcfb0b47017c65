package fr.ent.portal.security;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The signed device cookie: "this browser has signed in to these accounts". It lets the owner through
 * while failures from other browsers hold their account back. HttpOnly, SameSite=Lax, Secure over HTTPS.
 */
@ApplicationScoped
public class DeviceCookies {

    public static final String NAME = "ent_device";

    @Inject
    Settings settings;

    @Inject
    Clients clients;

    public String read(HttpServletRequest request) {
        return Clients.cookie(request, NAME);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, String value) {
        if (value == null) {
            return;
        }
        response.addCookie(clients.newCookie(request, NAME, value,
                (int) settings.getDuration(Setting.SIGNIN_DEVICE_COOKIE_MAX_AGE).toSeconds()));
    }

}
