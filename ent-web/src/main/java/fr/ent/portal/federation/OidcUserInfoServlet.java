package fr.ent.portal.federation;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.federation.boundary.OidcProvider;
import fr.ent.portal.security.Clients;

/** {@code GET|POST /oidc/userinfo} with {@code Authorization: Bearer}: the claims of the token's scopes. */
@WebServlet("/oidc/userinfo")
public class OidcUserInfoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    OidcProvider provider;

    @Inject
    Clients clients;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.answers(response)) {
            return;
        }
        OidcEndpoint.answer(response, provider.userInfo(request.getHeader("Authorization"), clients.of(request)));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
