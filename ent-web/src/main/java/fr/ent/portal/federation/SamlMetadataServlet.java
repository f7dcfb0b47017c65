package fr.ent.portal.federation;

import java.io.IOException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.federation.boundary.SamlIdentityProvider;

/**
 * {@code GET /saml/metadata}: the IdP's SAML metadata at a stable address, which is also its entity id (signing
 * certificates of every published key, SSO and SLO addresses for the HTTP-Redirect and HTTP-POST bindings).
 */
@WebServlet("/saml/metadata")
public class SamlMetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    SamlIdentityProvider provider;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.answers(response)) {
            return;
        }
        response.setHeader("Cache-Control", "max-age=300");
        response.setContentType("application/samlmetadata+xml;charset=UTF-8");
        response.getWriter().write(provider.metadata());
    }
}
