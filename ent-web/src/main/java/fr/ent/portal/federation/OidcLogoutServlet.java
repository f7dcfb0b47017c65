package fr.ent.portal.federation;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.federation.boundary.OidcProvider;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.security.SignOut;

/**
 * {@code GET /oidc/logout} (OpenID Connect RP-Initiated Logout 1.0): with an {@code id_token_hint} the portal signed
 * for the person signed in, the portal session ends (single logout of the CAS services follows, as for any sign-out;
 * the remembered device is kept, as {@code /cas/logout} does) and the browser goes to the registered
 * {@code post_logout_redirect_uri}, else to a "signed out" page. Without a valid hint nothing ends (a page, 400):
 * a third-party page cannot sign anyone out.
 */
@WebServlet("/oidc/logout")
public class OidcLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    OidcProvider provider;

    @Inject
    Sessions sessions;

    @Inject
    SignOut signOut;

    @Inject
    Clients clients;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!federation.answers(response)) {
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        OidcProvider.LogoutAnswer answer = provider.logout(request.getParameter("id_token_hint"),
                request.getParameter("post_logout_redirect_uri"), request.getParameter("state"),
                sessions.accountId(request), clients.of(request));
        if (answer.refusal() != null) {
            OidcPage.refused(request, response);
            return;
        }
        if (answer.endSession()) {
            signOut.perform(request, response, false);
        }
        if (answer.redirect() != null) {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", answer.redirect());
        } else {
            OidcPage.signedOut(request, response);
        }
    }
}
