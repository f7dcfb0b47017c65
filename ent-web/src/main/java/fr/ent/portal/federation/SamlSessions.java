package fr.ent.portal.federation;

import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import fr.ent.portal.federation.boundary.SamlIdentityProvider;
import fr.ent.portal.federation.control.SamlSession;

/**
 * The sessions a portal session opened at SAML service providers registered for single logout, kept in it (attribute
 * {@value #ATTRIBUTE}, serializable: on a cluster it travels with the session). Whatever ends the portal session
 * (sign-out, a provider's LogoutRequest, an OpenID Connect logout, a new sign-in, the idle timeout) sends those still
 * in it a LogoutRequest from the server, as {@link fr.ent.portal.sso.SingleLogoutListener} does for CAS; the portal's
 * sign-out and a provider's LogoutRequest first take out those told by the browser ({@link SamlLogoutChain}).
 */
@WebListener
public class SamlSessions implements HttpSessionListener {

    static final String ATTRIBUTE = "ent.saml.opened";
    static final int MAX_REMEMBERED = 100;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SamlSessions.class.getName());

    @EJB
    SamlIdentityProvider provider;

    public static synchronized void remember(HttpSession session, SamlSession opened) {
        List<SamlSession> list = new ArrayList<>(opened(session));
        list.removeIf(s -> s.spEntityId().equals(opened.spEntityId()));
        list.add(opened);
        while (list.size() > MAX_REMEMBERED) {
            list.remove(0);
        }
        session.setAttribute(ATTRIBUTE, list);
    }

    /** Takes out the sessions at this provider (it asked for the logout: it is not told again). */
    public static synchronized void forget(HttpSession session, String spEntityId) {
        List<SamlSession> list = new ArrayList<>(opened(session));
        list.removeIf(s -> s.spEntityId().equals(spEntityId));
        session.setAttribute(ATTRIBUTE, list);
    }

    @SuppressWarnings("unchecked")
    public static List<SamlSession> opened(HttpSession session) {
        Object opened = session == null ? null : session.getAttribute(ATTRIBUTE);
        return opened instanceof List<?> list ? (List<SamlSession>) list : List.of();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        try {
            List<SamlSession> opened = opened(event.getSession());
            if (!opened.isEmpty()) {
                provider.sessionEnded(List.copyOf(opened));
            }
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "SAML single logout after a session end failed", e);
        }
    }
}
