package fr.ent.portal.sso;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.admission.WaitingRoom;
import fr.ent.portal.security.SignOut;
import fr.ent.portal.sso.boundary.CasServer;

/**
 * {@code GET /cas/logout[?service=…]} (CAS protocol 3.0, section 2.3): ends the portal session like the portal's
 * sign-out (the services registered for single logout are told in the background: {@link SingleLogoutListener}),
 * then goes to the {@code service} URL when it is registered, else to {@code /login}. A GET never forgets the
 * remembered device (any site can send a browser here); only the portal's own sign-out form ({@code POST /logout})
 * does.
 */
@WebServlet("/cas/logout")
public class CasLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    CasServer cas;

    @Inject
    SignOut signOut;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        signOut.perform(request, response, false); // a GET any page can trigger: the remembered device stays
        String service = request.getParameter("service");
        if (service != null && !service.isEmpty() && cas.isRegistered(service)) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", service);
        } else {
            WaitingRoom.redirect(request, response, "/login?signedOut=true");
        }
    }
}
