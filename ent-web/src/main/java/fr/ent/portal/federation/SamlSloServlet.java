package fr.ent.portal.federation;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import fr.ent.portal.federation.boundary.SamlIdentityProvider;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;

/**
 * {@code /saml/slo}: a service provider's LogoutRequest (HTTP-Redirect, or HTTP-POST). When it names a session this
 * browser's portal session opened there, the portal session ends (every other SAML provider it opened, and the CAS
 * services, are told in turn), then the browser goes back with a signed LogoutResponse to the provider's registered
 * single logout address. Refused (bad signature, unknown provider, replayed…): a page (400), audited, nothing ends.
 */
@WebServlet("/saml/slo")
public class SamlSloServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    SamlIdentityProvider provider;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean redirect) throws IOException {
        if (!federation.answers(response)) {
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        HttpSession session = request.getSession(false);
        Long accountId = sessions.accountId(request);
        SamlIdentityProvider.LogoutAnswer answer = provider.logoutRequest(redirect,
                request.getParameter("SAMLRequest"), request.getParameter("RelayState"),
                redirect ? request.getQueryString() : null, accountId, SamlSessions.opened(session), clients.of(request));
        if (answer.redirect() == null) {
            SamlPage.refused(request, response);
            return;
        }
        if (answer.endSession() && session != null) {
            String issuer = issuerOf(answer);
            if (issuer != null) {
                SamlSessions.forget(session, issuer);
            }
            Sessions.invalidate(session);
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", answer.redirect());
    }

    private static String issuerOf(SamlIdentityProvider.LogoutAnswer answer) {
        return answer.spEntityId();
    }
}
