package fr.ent.portal.sso;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import fr.ent.portal.sso.boundary.CasServer;
import fr.ent.portal.sso.control.IssuedTicket;

/**
 * The ticket-granting side of single sign-on is the portal session itself: the tickets it issued are kept in it
 * (attribute {@value #ATTRIBUTE}, serializable: on a cluster it travels with the session), for single logout.
 */
public final class SsoSessions {

    static final String ATTRIBUTE = "ent.sso.issued";
    /** Most tickets remembered per session (the oldest go first). */
    static final int MAX_REMEMBERED = 200;

    private SsoSessions() {
    }

    @SuppressWarnings("unchecked")
    public static synchronized void remember(HttpSession session, IssuedTicket ticket) {
        List<IssuedTicket> issued = new ArrayList<>(issued(session));
        issued.add(ticket);
        while (issued.size() > MAX_REMEMBERED) {
            issued.remove(0);
        }
        session.setAttribute(ATTRIBUTE, issued); // set again: a clustered session replicates on setAttribute
    }

    /**
     * The person switched establishment: the services opened so far received the former establishment's attributes,
     * so they are sent single logout (their next tile asks for a new ticket, with the new establishment's attributes)
     * and the session starts a new list.
     */
    public static void establishmentSwitched(HttpSession session, CasServer cas) {
        List<IssuedTicket> issued;
        synchronized (SsoSessions.class) {
            issued = List.copyOf(issued(session));
            session.removeAttribute(ATTRIBUTE);
        }
        if (!issued.isEmpty()) {
            cas.sessionEnded(issued);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<IssuedTicket> issued(HttpSession session) {
        Object issued = session.getAttribute(ATTRIBUTE);
        return issued instanceof List<?> list ? (List<IssuedTicket>) list : List.of();
    }
}
