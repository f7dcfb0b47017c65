package fr.ent.portal.federation;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.JakartaServletUtils;

import fr.ent.portal.federation.boundary.OidcProvider;
import fr.ent.portal.security.Clients;

/**
 * {@code POST /oidc/token}: a client (back channel) redeems a code or a refresh token. Bodies over 16 KiB are refused
 * before parsing.
 */
@WebServlet("/oidc/token")
public class OidcTokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BODY = 16 * 1024;

    @EJB
    OidcProvider provider;

    @Inject
    Clients clients;

    @Inject
    FederationOn federation;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.answers(response)) {
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            OidcEndpoint.json(response, 413, "{\"error\":\"invalid_request\"}", false);
            return;
        }
        HTTPRequest httpRequest = JakartaServletUtils.createHTTPRequest(request, MAX_BODY);
        OidcEndpoint.answer(response, provider.token(httpRequest, clients.of(request)));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        OidcEndpoint.json(response, 405, "{\"error\":\"invalid_request\"}", false);
    }
}
