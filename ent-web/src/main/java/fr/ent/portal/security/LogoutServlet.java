package fr.ent.portal.security;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;

/**
 * Sign-out: a POST to /logout ends the session (and forgets this browser if it was a remembered device) and returns
 * to /login. A GET changes nothing.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    AuditTrail audit;

    @Inject
    Clients clients;

    @Inject
    RememberCookies rememberCookies;

    @EJB
    fr.ent.portal.signin.boundary.RememberedDevices devices;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getUserPrincipal() != null) {
            Client client = clients.of(request);
            audit.record(AuditEventType.SIGNED_OUT, null, request.getUserPrincipal().getName(), client.ip(),
                    client.userAgent(), null);
        }
        String remembered = rememberCookies.read(request);
        if (remembered != null) {
            // signing out on a remembered browser forgets it: otherwise /login would sign the person in again
            devices.forgetToken(remembered, clients.of(request));
            rememberCookies.clear(request, response);
        }
        request.logout();
        Sessions.invalidate(request.getSession(false));
        response.sendRedirect(request.getContextPath() + "/login?signedOut=true");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + (request.getUserPrincipal() != null ? "/home" : "/login"));
    }
}
