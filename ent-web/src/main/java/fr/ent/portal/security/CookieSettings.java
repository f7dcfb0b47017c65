package fr.ent.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The session cookie: HttpOnly, and Secure behind HTTPS. SameSite is not settable from the application on
 * Payara 6 (neither web.xml nor SessionCookieConfig); the device cookie, written by the portal, carries
 * SameSite=Lax.
 */
@WebListener
public class CookieSettings implements ServletContextListener {

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookies = event.getServletContext().getSessionCookieConfig();
        cookies.setSecure(settings.getBoolean(Setting.HTTPS));
        cookies.setHttpOnly(true);
    }
}
