package fr.ent.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The session cookie: HttpOnly, and Secure behind HTTPS ({@code ent.http.https=true}). SameSite is not settable
 * from web.xml or SessionCookieConfig on Payara 6: glassfish-web.xml's {@code cookieSameSite} property gives JSESSIONID
 * SameSite=Lax; the portal's own cookies carry it themselves.
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
