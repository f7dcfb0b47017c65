package fr.ent.portal.federation;

import java.io.IOException;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import fr.ent.portal.admission.WaitingRoom;
import fr.ent.portal.federation.boundary.SamlIdentityProvider;
import fr.ent.portal.federation.control.PortalSession;
import fr.ent.portal.federation.control.SamlAnswer;
import fr.ent.portal.federation.control.SamlPending;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;

/**
 * The SAML single sign-on service. {@code /saml/sso}: an AuthnRequest by HTTP-Redirect (GET, DEFLATE, query
 * signature) or HTTP-POST (XML signature); {@code /saml/start?sp=ENTITY_ID}: an IdP-initiated start (the tiles);
 * {@code /saml/resume}: back from the portal's sign-in or establishment choice ({@link SamlReturn}). A request is
 * checked first (a refusal: a page, 400, audited, nothing posted); then the person signs in or chooses an
 * establishment if needed, and the signed Response goes to the provider's registered ACS through the POST form.
 * A POST-bound request comes from another site without the portal's session cookie (SameSite=Lax): it is checked,
 * kept, and continued by a redirect to {@code /saml/resume}, which the browser follows with the cookie.
 */
@WebServlet({"/saml/sso", "/saml/start", SamlReturn.PATH})
public class SamlSsoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    SamlIdentityProvider provider;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    SamlReturn returns;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.get()) {
            OidcEndpoint.notFound(response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String path = request.getServletPath();
        if (SamlReturn.PATH.equals(path)) {
            Optional<SamlReturn.Waiting> waiting = returns.read(request);
            if (waiting.isEmpty()) {
                SamlPage.refused(request, response);
                return;
            }
            answer(request, response, waiting.get().pending(), waiting.get());
            return;
        }
        SamlIdentityProvider.Received received = "/saml/start".equals(path)
                ? provider.idpInitiated(request.getParameter("sp"), sessions.accountId(request), clients.of(request))
                : provider.authnRequest(true, request.getParameter("SAMLRequest"), request.getParameter("RelayState"),
                request.getQueryString(), sessions.accountId(request), clients.of(request));
        if (received.pending() == null) {
            SamlPage.refused(request, response);
            return;
        }
        returns.clear(request, response);
        answer(request, response, received.pending(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.get() || !"/saml/sso".equals(request.getServletPath())) {
            OidcEndpoint.notFound(response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        SamlIdentityProvider.Received received = provider.authnRequest(false, request.getParameter("SAMLRequest"),
                request.getParameter("RelayState"), null, sessions.accountId(request), clients.of(request));
        if (received.pending() == null || !returns.remember(request, response, received.pending(), null)) {
            SamlPage.refused(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + SamlReturn.PATH);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, SamlPending pending,
                        SamlReturn.Waiting waiting) throws IOException {
        java.time.Instant since = waiting == null ? null : waiting.since();
        PortalSession session = new PortalSession(sessions.accountId(request), sessions.establishment(request),
                sessions.signedInAt(request), sessions.signedInByDevice(request), since, sessions.signedInWith(request));
        SamlAnswer answer = provider.respond(pending, session, clients.of(request));
        switch (answer.kind()) {
            case SIGN_IN -> {
                if (!returns.remember(request, response, pending, since == null ? java.time.Instant.now() : since)) {
                    SamlPage.refused(request, response);
                    return;
                }
                WaitingRoom.redirect(request, response, "/login");
            }
            case CHOOSE_ESTABLISHMENT -> {
                returns.remember(request, response, pending, since);
                WaitingRoom.redirect(request, response, "/establishments");
            }
            case REFUSED -> {
                returns.clear(request, response);
                SamlPage.refused(request, response);
            }
            case NOT_OFFERED -> {
                returns.clear(request, response);
                SamlPage.notOffered(request, response, answer.serviceName());
            }
            case POST -> {
                returns.clear(request, response);
                HttpSession httpSession = request.getSession(false);
                if (answer.session() != null && httpSession != null) {
                    SamlSessions.remember(httpSession, answer.session());
                }
                SamlPage.post(request, response, answer.acs(), answer.samlResponse(), answer.relayState(),
                        answer.serviceName());
            }
        }
    }
}
