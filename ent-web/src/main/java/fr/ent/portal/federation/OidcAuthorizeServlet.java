package fr.ent.portal.federation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.oauth2.sdk.util.URLUtils;

import fr.ent.portal.admission.WaitingRoom;
import fr.ent.portal.federation.boundary.OidcProvider;
import fr.ent.portal.federation.control.AuthorizeAnswer;
import fr.ent.portal.federation.control.PortalSession;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;

/**
 * {@code GET /oidc/authorize} (OpenID Connect Core, authorization code flow). An unknown client or a redirect URI not
 * registered: a page (400), audited, never a redirect. Not signed in (or {@code prompt=login}, {@code max_age}): the
 * request is kept ({@link OidcReturn}) and the person goes through the portal's own sign-in, which comes back here;
 * several establishments and none chosen: {@code /establishments} first. Then a code, or an OAuth error, to the
 * registered redirect URI.
 */
@WebServlet("/oidc/authorize")
public class OidcAuthorizeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    OidcProvider provider;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    OidcReturn returns;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.get()) {
            OidcEndpoint.notFound(response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        Map<String, List<String>> parameters = URLUtils.parseParameters(query);
        Optional<OidcReturn.Pending> pending = returns.read(request).filter(p -> p.query().equals(query));
        PortalSession session = new PortalSession(sessions.accountId(request), sessions.establishment(request),
                sessions.signedInAt(request), sessions.signedInByDevice(request),
                pending.map(OidcReturn.Pending::since).orElse(null), sessions.signedInWith(request));
        AuthorizeAnswer answer = provider.authorize(parameters, session, clients.of(request));
        switch (answer.kind()) {
            case ERROR_PAGE -> {
                returns.clear(request, response);
                OidcPage.refused(request, response);
            }
            case SIGN_IN -> {
                if (!returns.remember(request, response, query)) {
                    OidcPage.refused(request, response);
                    return;
                }
                WaitingRoom.redirect(request, response, "/login");
            }
            case CHOOSE_ESTABLISHMENT -> {
                returns.remember(request, response, query);
                WaitingRoom.redirect(request, response, "/establishments");
            }
            case REDIRECT -> {
                if (pending.isPresent() || returns.read(request).isPresent()) {
                    // back from a sign-in form: a redirect after a form post may not leave the portal (form-action)
                    returns.clear(request, response);
                    OidcPage.proceed(request, response, answer.redirect());
                } else {
                    response.setStatus(HttpServletResponse.SC_FOUND);
                    response.setHeader("Location", answer.redirect());
                }
            }
        }
    }

}
