package fr.ent.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/** Behind HTTPS the session cookie is marked Secure (HttpOnly and SameSite=Lax come from web.xml). */
@WebListener
public class CookieSettings implements ServletContextListener {

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setSecure(settings.getBoolean(Setting.HTTPS));
    }
}
