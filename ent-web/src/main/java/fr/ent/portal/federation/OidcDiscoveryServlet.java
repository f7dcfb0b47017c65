package fr.ent.portal.federation;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import fr.ent.portal.federation.boundary.OidcProvider;
import fr.ent.portal.federation.control.ScopeClaims;

/** {@code GET /.well-known/openid-configuration}: the provider's metadata (OpenID Connect Discovery 1.0). */
@WebServlet("/.well-known/openid-configuration")
public class OidcDiscoveryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    OidcProvider provider;

    @Inject
    FederationOn federation;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!federation.answers(response)) {
            return;
        }
        String issuer = provider.issuer();
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(issuer), List.of(SubjectType.PAIRWISE),
                URI.create(issuer + "/oidc/jwks"));
        metadata.setAuthorizationEndpointURI(URI.create(issuer + "/oidc/authorize"));
        metadata.setTokenEndpointURI(URI.create(issuer + "/oidc/token"));
        metadata.setUserInfoEndpointURI(URI.create(issuer + "/oidc/userinfo"));
        metadata.setEndSessionEndpointURI(URI.create(issuer + "/oidc/logout"));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setScopes(new Scope(ScopeClaims.KNOWN.toArray(String[]::new)));
        metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE));
        metadata.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setClaims(List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "azp",
                "preferred_username", "given_name", "family_name", "ent_profile", "ent_uai", "ent_class", "ent_children"));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        metadata.setSupportsRequestParam(false);
        metadata.setSupportsRequestURIParam(false);
        OidcEndpoint.json(response, 200, metadata.toJSONObject().toJSONString(), true);
    }
}
