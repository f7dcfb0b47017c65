package fr.ent.portal.federation;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.federation.boundary.FederationKeys;

/** {@code GET /oidc/jwks}: the public signing keys (the one that signs and those still in their overlap). */
@WebServlet("/oidc/jwks")
public class OidcJwksServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    FederationKeys keys;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.answers(response)) {
            return;
        }
        // public keys only: JWKSet.toString() leaves private parts out
        OidcEndpoint.json(response, 200, keys.published().toPublicJWKSet().toString(), true);
    }
}
