package fr.ent.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The remembered-device cookie {@value #NAME}: the device token (only its SHA-256 is stored), HttpOnly,
 * SameSite=Lax, Path=/, Secure over HTTPS, kept by the browser for {@code ent.remember.validity}.
 */
@ApplicationScoped
public class RememberCookies {

    public static final String NAME = "ent_remember";

    @Inject
    Settings settings;

    @Inject
    Clients clients;

    public String read(HttpServletRequest request) {
        return Clients.cookie(request, NAME);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addCookie(cookie(request, token, (int) settings.getDuration(Setting.REMEMBER_VALIDITY).toSeconds()));
    }

    /** A rotated token: the cookie lives as long as the device still may ({@code maxAge}). */
    public void write(HttpServletRequest request, HttpServletResponse response, String token, java.time.Duration maxAge) {
        response.addCookie(cookie(request, token, (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxAge.toSeconds()))));
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        return clients.newCookie(request, NAME, value, maxAge);
    }
}
