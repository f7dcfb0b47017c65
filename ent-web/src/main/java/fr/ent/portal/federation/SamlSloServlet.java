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
 * browser's portal session opened there, the portal session ends: the other providers it opened that log out by the
 * browser are visited first ({@link SamlLogoutChain}), the others (and the CAS services) are told by the server; then
 * the browser goes back with a signed LogoutResponse to the provider's registered single logout address. Refused (bad
 * signature, unknown provider, replayed…): a page (400), audited, nothing ends. Without a LogoutRequest: a
 * provider's LogoutResponse in a chain (the chain goes on whatever it says), or a page (400) when no chain waits.
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

    @Inject
    SamlLogoutChain chain;

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
        if (request.getParameter("SAMLRequest") == null) {
            String answer = request.getParameter("SAMLResponse");
            if (!redirect && answer != null && chain.read(request).isEmpty()
                    && !SamlPage.origin(provider.sloUrl()).equals(request.getHeader("Origin"))) {
                // a cross-site POST brings no SameSite=Lax cookie: posted again from the portal's own page, it does
                SamlPage.repost(request, response, provider.sloUrl(), answer, request.getParameter("RelayState"));
                return;
            }
            go(request, response, chain.answer(request, response, redirect));
            return;
        }
        HttpSession session = request.getSession(false);
        Long accountId = sessions.accountId(request);
        String relayState = request.getParameter("RelayState");
        SamlIdentityProvider.LogoutAnswer answer = provider.logoutRequest(redirect,
                request.getParameter("SAMLRequest"), relayState, redirect ? request.getQueryString() : null, accountId,
                SamlSessions.opened(session), clients.of(request));
        if (answer.redirect() == null) {
            SamlPage.refused(request, response);
            return;
        }
        String next = answer.redirect();
        if (answer.endSession() && session != null) {
            SamlSessions.forget(session, answer.spEntityId()); // it asked: it is not told again
            String first = chain.start(request, response, session, accountId, answer.spEntityId(), answer.requestId(),
                    relayState);
            next = first != null ? first : next;
            Sessions.invalidate(session);
        }
        go(request, response, next);
    }

    private static void go(HttpServletRequest request, HttpServletResponse response, String next) throws IOException {
        if (next == null) {
            SamlPage.refused(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", next);
    }
}
