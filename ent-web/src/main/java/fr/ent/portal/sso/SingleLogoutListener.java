package fr.ent.portal.sso;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import fr.ent.portal.sso.boundary.CasServer;
import fr.ent.portal.sso.control.IssuedTicket;

/**
 * Whatever ends a portal session (sign-out, {@code /cas/logout}, a new sign-in, the idle timeout, "sign out
 * everywhere") ends what it opened: its tickets not validated yet are voided and the services registered for single
 * logout receive a back-channel logout request.
 */
@WebListener
public class SingleLogoutListener implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(SingleLogoutListener.class.getName());

    @EJB
    CasServer cas;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        try {
            List<IssuedTicket> issued = SsoSessions.issued(event.getSession());
            if (!issued.isEmpty()) {
                cas.sessionEnded(List.copyOf(issued));
            }
        } catch (RuntimeException e) {
            // the session ends in any case; a failure here must not keep it alive
            LOG.log(Level.WARNING, "Single logout after a session end failed", e);
        }
    }
}
