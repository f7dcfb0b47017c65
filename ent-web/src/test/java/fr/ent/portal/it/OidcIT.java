package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * Issue 23: the OpenID Connect provider, driven from outside by the relying-party side of Nimbus' OAuth 2.0 / OpenID
 * Connect SDK (discovery, authorization request with PKCE, token request, ID token validation against the JWKS,
 * userinfo, refresh, RP-initiated logout). The region registers two clients through /admin/region/services: a
 * confidential one (secret, refresh tokens) and a public one (PKCE required). m.morel1 (a representative, one child in
 * Toulouse; no other class uses this family) signs in through the portal's own /login on the way. Then every bad input
 * of the issue is refused and audited.
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcIT {

    static final String PERSON = "m.morel1";
    static final String CHILD = "o.morel1";
    static final String PASSWORD = "Relais#Morel2026";
    static final String TOULOUSE_UAI = "0312289V";
    static final URI CALLBACK = URI.create("http://127.0.0.1:9/oidc-test/cb");
    static final URI AFTER_LOGOUT = URI.create("http://127.0.0.1:9/oidc-test/bye");
    static final Scope SCOPE = new Scope("openid", "profile", "ent_establishment", "ent_class", "ent_children");

    static OIDCProviderMetadata provider;
    static ClientID confidential;
    static Secret secret;
    static ClientID publicClient;
    static Http region;
    /** The family's browser, signed in during the round trip. */
    static Http family;

    @BeforeAll
    static void discoverAndRegisterTwoClients() throws Exception {
        String issuer = Portal.base().toString().replaceAll("/$", "");
        provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        region = AdminRegionIT.signedIn(AdminRegionIT.REGION, AdminRegionIT.REGION_PASSWORD, "198.51.100.231");
        String page = register(region, "Cahier de textes (test)", true, true);
        confidential = new ClientID(shown(page, "data-client-id"));
        secret = new Secret(shown(page, "data-secret"));
        String second = register(region, "Application installée (test)", false, false);
        publicClient = new ClientID(shown(second, "data-client-id"));
        assertFalse(second.contains("data-secret"), "a public client has no secret");
    }

    @Test
    @Order(1)
    void discoveryAndJwksDescribeTheProvider() {
        assertEquals(Portal.url("/oidc/authorize"), provider.getAuthorizationEndpointURI());
        assertTrue(provider.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
        assertTrue(provider.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
        assertFalse(provider.getIDTokenJWSAlgs().contains(JWSAlgorithm.parse("none")));
        String jwks = new Http().get("/oidc/jwks").body();
        assertTrue(jwks.contains("\"kty\":\"RSA\"") && jwks.contains("\"kid\""), jwks);
        for (String privatePart : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
            assertFalse(jwks.contains(privatePart), "no private key part in the JWKS: " + privatePart);
        }
    }

    @Test
    @Order(2)
    void theWholeCodeFlowWithPkceThroughThePortalsSignIn() throws Exception {
        family = new Http();
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        State state = new State();
        URI authorize = authorization(confidential, verifier, nonce, state, CALLBACK);

        // not signed in: through /login and back, as /cas/login does
        HttpResponse<String> toLogin = family.get(pathOf(authorize));
        assertEquals(303, toLogin.statusCode(), toLogin.body());
        assertTrue(location(toLogin).endsWith("/login"), location(toLogin));
        String loginPage = family.get("/login").body();
        HttpResponse<String> signedIn = family.post("/login", Http.loginForm(loginPage, PERSON, PASSWORD),
                "X-Forwarded-For", "198.51.100.232");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(location(signedIn).contains("/oidc/authorize?"), "back to the authorization: " + location(signedIn));
        HttpResponse<String> proceed = family.get(pathOf(Portal.base().resolve(location(signedIn))));
        assertEquals(200, proceed.statusCode(), proceed.body());
        Matcher link = Pattern.compile("id=\"continue\" href=\"([^\"]+)\"").matcher(proceed.body());
        assertTrue(link.find(), proceed.body());
        AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(link.group(1).replace("&amp;", "&")));
        assertTrue(answer.indicatesSuccess(), answer.toString());
        assertEquals(state, answer.getState());
        assertEquals(provider.getIssuer(), answer.getIssuer(), "RFC 9207 iss");
        AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();

        OIDCTokens tokens = redeem(new ClientSecretBasic(confidential, secret), new AuthorizationCodeGrant(code, CALLBACK, verifier));
        IDTokenClaimsSet id = validator(confidential).validate(tokens.getIDToken(), nonce);
        assertEquals(List.of(confidential.getValue()), id.getAudience().stream().map(Object::toString).toList());
        assertNotNull(id.getAuthenticationTime());
        assertEquals(List.of("pwd"), id.getStringListClaim("amr"));
        assertFalse(id.getSubject().getValue().contains(PERSON), "the sub is opaque");

        UserInfoResponse info = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send());
        assertTrue(info.indicatesSuccess());
        var claims = info.toSuccessResponse().getUserInfo();
        assertEquals(id.getSubject(), claims.getSubject());
        assertEquals(PERSON, claims.getPreferredUsername());
        assertEquals("Mathis", claims.getGivenName());
        assertEquals(TOULOUSE_UAI, claims.getStringClaim("ent_uai"), "the chosen (only) establishment");
        assertEquals(List.of(CHILD), claims.getStringListClaim("ent_children"));
        assertNull(claims.getClaim("ent_class"), "a representative has no class");

        // a second client: no password asked, another pairwise sub
        CodeVerifier second = new CodeVerifier();
        HttpResponse<String> silent = family.get(pathOf(authorization(publicClient, second, new Nonce(), new State(), CALLBACK)));
        assertEquals(302, silent.statusCode(), "signed in: straight back with a code");
        AuthorizationCode publicCode = AuthorizationResponse.parse(URI.create(location(silent))).toSuccessResponse()
                .getAuthorizationCode();
        OIDCTokens publicTokens = redeem(null, new AuthorizationCodeGrant(publicCode, CALLBACK, second), publicClient);
        assertNotEquals(id.getSubject(), validator(publicClient).validate(publicTokens.getIDToken(), null).getSubject(),
                "pairwise: two clients see two subjects");
        assertNull(publicTokens.getRefreshToken(), "the public client may not refresh");

        // refresh: rotation, then a reuse revokes the family
        RefreshToken first = tokens.getRefreshToken();
        assertNotNull(first);
        OIDCTokens rotated = redeem(new ClientSecretPost(confidential, secret), new RefreshTokenGrant(first));
        assertNotEquals(first, rotated.getRefreshToken());
        long reused = auditCount("OIDC_REFRESH_REUSED");
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(),
                refused(new ClientSecretBasic(confidential, secret), new RefreshTokenGrant(first), null).getCode());
        assertEquals(reused + 1, auditCount("OIDC_REFRESH_REUSED"));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), refused(new ClientSecretBasic(confidential, secret),
                new RefreshTokenGrant(rotated.getRefreshToken()), null).getCode(), "the whole family is revoked");

        // RP-initiated logout ends the portal session and goes back to the registered address with the state
        State logoutState = new State();
        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), tokens.getIDToken(), AFTER_LOGOUT,
                logoutState).toURI();
        HttpResponse<String> out = family.get(pathOf(logout));
        assertEquals(302, out.statusCode(), out.body());
        assertEquals(AFTER_LOGOUT + "?state=" + logoutState.getValue(), location(out));
        HttpResponse<String> home = family.get("/home");
        assertTrue(home.statusCode() == 302 || home.statusCode() == 303, "signed out: " + home.statusCode());
        UserInfoResponse afterLogout = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send());
        assertFalse(afterLogout.indicatesSuccess(), "the client's access token is revoked at logout");
    }

    @Test
    @Order(3)
    void aRedirectUriNotRegisteredGetsAPageNeverARedirect() {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.233");
        long before = auditCount("OIDC_AUTHORIZE_REFUSED");
        for (URI wrong : List.of(URI.create("https://evil.example/cb"), URI.create(CALLBACK + "/"),
                URI.create(CALLBACK + "?x=1"), URI.create("http://127.0.0.1:9/oidc-test/CB"))) {
            HttpResponse<String> answer = person.get(pathOf(authorization(confidential, new CodeVerifier(), new Nonce(),
                    new State(), wrong)));
            assertEquals(400, answer.statusCode(), wrong.toString());
            assertTrue(answer.headers().firstValue("Location").isEmpty(), "never redirected to " + wrong);
            assertTrue(answer.body().contains("id=\"oidc-refused\""));
        }
        HttpResponse<String> unknown = person.get("/oidc/authorize?response_type=code&scope=openid&client_id=ent-nope"
                + "&redirect_uri=" + URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8));
        assertEquals(400, unknown.statusCode());
        assertEquals(before + 5, auditCount("OIDC_AUTHORIZE_REFUSED"));
    }

    @Test
    @Order(4)
    void aPublicClientWithoutPkceGetsAnErrorAndNoCode() throws Exception {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.234");
        State state = new State();
        URI withoutPkce = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, publicClient, CALLBACK)
                .state(state).nonce(new Nonce()).endpointURI(provider.getAuthorizationEndpointURI()).build().toURI();
        long before = auditCount("OIDC_AUTHORIZE_REFUSED");
        HttpResponse<String> answer = person.get(pathOf(withoutPkce));
        assertEquals(302, answer.statusCode());
        AuthorizationResponse parsed = AuthorizationResponse.parse(URI.create(location(answer)));
        assertFalse(parsed.indicatesSuccess());
        assertEquals(OAuth2Error.INVALID_REQUEST.getCode(), parsed.toErrorResponse().getErrorObject().getCode());
        assertEquals(state, parsed.getState());
        assertEquals(before + 1, auditCount("OIDC_AUTHORIZE_REFUSED"));
        // prompt=none, not signed in: login_required, nothing else
        URI none = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, confidential, CALLBACK).state(state)
                .prompt(new com.nimbusds.openid.connect.sdk.Prompt(com.nimbusds.openid.connect.sdk.Prompt.Type.NONE))
                .endpointURI(provider.getAuthorizationEndpointURI()).build().toURI();
        HttpResponse<String> anonymous = new Http().get(pathOf(none));
        assertEquals("login_required", AuthorizationResponse.parse(URI.create(location(anonymous))).toErrorResponse()
                .getErrorObject().getCode());
    }

    @Test
    @Order(5)
    void replayedCodeWrongVerifierWrongSecretAndAnotherClientsCodeAreRefusedAndAudited() throws Exception {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.235");
        ClientSecretBasic rightSecret = new ClientSecretBasic(confidential, secret);

        // replayed code: the second redemption is refused, and the tokens of the first are revoked
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = code(person, confidential, verifier);
        OIDCTokens tokens = redeem(rightSecret, new AuthorizationCodeGrant(code, CALLBACK, verifier));
        long refusedBefore = auditCount("OIDC_TOKEN_REFUSED");
        assertEquals("invalid_grant", refused(rightSecret, new AuthorizationCodeGrant(code, CALLBACK, verifier), null).getCode());
        assertEquals("invalid_grant", refused(rightSecret, new RefreshTokenGrant(tokens.getRefreshToken()), null).getCode(),
                "the refresh token issued with a replayed code is revoked");

        // wrong verifier (the code is spent anyway)
        CodeVerifier right = new CodeVerifier();
        AuthorizationCode second = code(person, confidential, right);
        assertEquals("invalid_grant", refused(rightSecret, new AuthorizationCodeGrant(second, CALLBACK, new CodeVerifier()), null).getCode());
        assertEquals("invalid_grant", refused(rightSecret, new AuthorizationCodeGrant(second, CALLBACK, right), null).getCode(),
                "a code tried with a wrong verifier is spent");

        // wrong redirect URI at the token endpoint
        CodeVerifier third = new CodeVerifier();
        AuthorizationCode thirdCode = code(person, confidential, third);
        assertEquals("invalid_grant", refused(rightSecret, new AuthorizationCodeGrant(thirdCode,
                URI.create(CALLBACK + "/"), third), null).getCode());

        // wrong client secret, and a secret for a public client: invalid_client (401), nothing issued
        CodeVerifier fourth = new CodeVerifier();
        AuthorizationCode fourthCode = code(person, confidential, fourth);
        ErrorObject wrongSecret = refused(new ClientSecretBasic(confidential, new Secret(secret.getValue() + "x")),
                new AuthorizationCodeGrant(fourthCode, CALLBACK, fourth), null);
        assertEquals("invalid_client", wrongSecret.getCode());
        assertEquals(401, wrongSecret.getHTTPStatusCode());
        assertEquals("invalid_client", refused(new ClientSecretPost(confidential, new Secret("guess")),
                new AuthorizationCodeGrant(fourthCode, CALLBACK, fourth), null).getCode());

        // another client's code: the public client redeems the confidential client's code
        CodeVerifier fifth = new CodeVerifier();
        AuthorizationCode othersCode = code(person, confidential, fifth);
        assertEquals("invalid_grant", refused(null, new AuthorizationCodeGrant(othersCode, CALLBACK, fifth), publicClient).getCode());
        assertEquals("invalid_grant", refused(rightSecret, new AuthorizationCodeGrant(othersCode, CALLBACK, fifth), null).getCode(),
                "spent by the other client's attempt");

        assertTrue(auditCount("OIDC_TOKEN_REFUSED") >= refusedBefore + 9, "each refusal audited");
    }

    @Test
    @Order(6)
    void unsignedForgedOrUnknownTokensAreRefused() throws Exception {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.236");
        CodeVerifier verifier = new CodeVerifier();
        OIDCTokens tokens = redeem(new ClientSecretBasic(confidential, secret),
                new AuthorizationCodeGrant(code(person, confidential, verifier), CALLBACK, verifier));
        JWTClaimsSet claims = tokens.getIDToken().getJWTClaimsSet();

        // alg=none: the same claims, unsigned
        PlainJWT unsigned = new PlainJWT(claims);
        // RS256 with a key that is not the portal's, under the portal's kid
        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(((SignedJWT) tokens.getIDToken()).getHeader().getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        forged.sign(new RSASSASigner(stranger));
        assertThrows(Exception.class, () -> validator(confidential).validate(unsigned, null),
                "the RP library refuses alg=none too");

        long before = auditCount("OIDC_LOGOUT_REFUSED");
        for (JWT hint : List.of(unsigned, forged)) {
            HttpResponse<String> answer = person.get(pathOf(new LogoutRequest(provider.getEndSessionEndpointURI(), hint,
                    AFTER_LOGOUT, new State()).toURI()));
            assertEquals(400, answer.statusCode(), hint.getHeader().getAlgorithm().getName());
            assertTrue(answer.headers().firstValue("Location").isEmpty());
        }
        HttpResponse<String> noHint = person.get("/oidc/logout?post_logout_redirect_uri="
                + URLEncoder.encode(AFTER_LOGOUT.toString(), StandardCharsets.UTF_8));
        assertEquals(400, noHint.statusCode(), "no hint: nothing ends (a third-party page cannot sign anyone out)");
        HttpResponse<String> otherAddress = person.get(pathOf(new LogoutRequest(provider.getEndSessionEndpointURI(),
                tokens.getIDToken(), URI.create("https://evil.example/bye"), new State()).toURI()));
        assertEquals(400, otherAddress.statusCode(), "a post-logout address not registered");
        assertEquals(before + 4, auditCount("OIDC_LOGOUT_REFUSED"));
        assertEquals(200, person.get("/home").statusCode(), "still signed in after every refused logout");

        // a bearer that is a JWT (alg=none) or unknown: 401 at userinfo
        for (String bearer : List.of(unsigned.serialize(), forged.serialize(), "A".repeat(43))) {
            HTTPResponse answer = new UserInfoRequest(provider.getUserInfoEndpointURI(), new BearerAccessToken(bearer))
                    .toHTTPRequest().send();
            assertEquals(401, answer.getStatusCode());
        }
    }

    /**
     * A single-page application is a public client: its script redeems the code and reads userinfo from its own
     * origin. Only the origin of an enabled public client's redirect URI may (CORS); another site's preflight is
     * refused and its calls carry no permission to read; the discovery document and the keys are public.
     */
    @Test
    @Order(7)
    void aPageOfAPublicClientsOriginMayRedeemItsCodeFromScriptAndNoOtherSiteMayRead() throws Exception {
        String page = "http://127.0.0.1:9"; // the origin of CALLBACK, registered for the public client
        String other = "https://pirate.example";
        String server = "http://localhost:9"; // a confidential client's only origin: a server, not a page
        shown(register(region, "Serveur applicatif (test CORS)", true, false, "", URI.create(server + "/cb")), "data-client-id");
        java.net.http.HttpClient raw = java.net.http.HttpClient.newHttpClient();

        HttpResponse<String> preflight = raw.send(preflight(provider.getTokenEndpointURI(), page), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(page, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "never the portal's cookies");

        HttpResponse<String> refusedPreflight = raw.send(preflight(provider.getTokenEndpointURI(), other), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refusedPreflight.statusCode());
        assertTrue(refusedPreflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());

        // the script's POST, as a browser sends it (Origin header): tokens, readable by that page only
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.239");
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = code(person, publicClient, verifier);
        com.nimbusds.oauth2.sdk.http.HTTPRequest post = request(null, new AuthorizationCodeGrant(code, CALLBACK, verifier),
                publicClient).toHTTPRequest();
        HttpResponse<String> redeemed = raw.send(withOrigin(post, page), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, redeemed.statusCode(), redeemed.body());
        assertEquals(page, redeemed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        OIDCTokens tokens = OIDCTokens.parse(com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(redeemed.body()));
        com.nimbusds.oauth2.sdk.http.HTTPRequest info = new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) tokens.getAccessToken()).toHTTPRequest();
        HttpResponse<String> claims = raw.send(withOrigin(info, page), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, claims.statusCode(), claims.body());
        assertEquals(page, claims.headers().firstValue("Access-Control-Allow-Origin").orElse(null));

        // another site's script: the endpoint answers (a cross-site POST takes no cookie, acts for no one) but gives
        // that page no permission to read the answer
        CodeVerifier second = new CodeVerifier();
        AuthorizationCode secondCode = code(person, publicClient, second);
        com.nimbusds.oauth2.sdk.http.HTTPRequest foreign = request(null, new AuthorizationCodeGrant(secondCode, CALLBACK, second),
                publicClient).toHTTPRequest();
        HttpResponse<String> answered = raw.send(withOrigin(foreign, other), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answered.statusCode(), answered.body());
        assertTrue(answered.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no permission for another site");

        // a confidential client's origin: no permission (it is a server; a page of that origin holds no secret)
        assertEquals(403, raw.send(preflight(provider.getTokenEndpointURI(), server), HttpResponse.BodyHandlers.ofString())
                .statusCode());
        assertEquals(403, raw.send(preflight(provider.getUserInfoEndpointURI(), other), HttpResponse.BodyHandlers.ofString())
                .statusCode());

        HttpResponse<String> discovery = raw.send(java.net.http.HttpRequest.newBuilder(
                URI.create(Portal.base() + ".well-known/openid-configuration")).header("Origin", other).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, discovery.statusCode());
        assertEquals("*", discovery.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    /**
     * Nimbus' request sent as a browser's script sends it, with an {@code Origin} header (the JDK's HttpURLConnection,
     * which Nimbus uses, silently drops that header: it is one of its restricted ones).
     */
    @SuppressWarnings("unchecked")
    static java.net.http.HttpRequest withOrigin(com.nimbusds.oauth2.sdk.http.HTTPRequest request, String origin) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.getURI()).header("Origin", origin);
        ((Map<String, List<String>>) request.getHeaderMap()).forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        String body = request.getBody();
        return builder.method(request.getMethod().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static java.net.http.HttpRequest preflight(URI endpoint, String origin) {
        return java.net.http.HttpRequest.newBuilder(endpoint).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build();
    }

    @Test
    @Order(20)
    void aClientOfferedInOtherEstablishmentsOnlyGetsAccessDeniedAndNoCode() throws Exception {
        String page = register(region, "Service d'un autre lycée (test)", true, false, "0000001A");
        ClientID elsewhere = new ClientID(shown(page, "data-client-id"));
        String registry = region.get("/admin/region/services").body();
        assertTrue(registry.contains("data-protocol=\"OIDC\"") && registry.contains("data-address=\"" + elsewhere + "\""),
                "listed in the one registry");
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.238");
        long before = auditCount("OIDC_AUTHORIZE_REFUSED");
        State state = new State();
        HttpResponse<String> answer = person.get(pathOf(authorization(elsewhere, new CodeVerifier(), new Nonce(), state,
                CALLBACK)));
        assertEquals(302, answer.statusCode(), answer.body());
        AuthorizationResponse parsed = AuthorizationResponse.parse(URI.create(location(answer)));
        assertFalse(parsed.indicatesSuccess(), "no code for an establishment where the region does not offer it");
        assertEquals(OAuth2Error.ACCESS_DENIED.getCode(), parsed.toErrorResponse().getErrorObject().getCode());
        assertEquals(state, parsed.getState());
        assertEquals(before + 1, auditCount("OIDC_AUTHORIZE_REFUSED"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Registers a client through the region's form; answers the page that shows its id (and secret). */
    static String register(Http region, String name, boolean confidential, boolean refresh) {
        return register(region, name, confidential, refresh, "");
    }

    /** As above, offered only in the establishments of these UAIs (empty: everywhere). */
    static String register(Http region, String name, boolean confidential, boolean refresh, String uais) {
        return register(region, name, confidential, refresh, uais, CALLBACK);
    }

    /** As above, sending back to {@code callback}. */
    static String register(Http region, String name, boolean confidential, boolean refresh, String uais, URI callback) {
        String path = "/admin/region/services";
        List<Map.Entry<String, String>> fields = new ArrayList<>(AdminRegionIT.form(region.get(path + "?protocol=OIDC").body(), "client",
                "client:save").entrySet());
        fields.add(Map.entry("client:name", name));
        fields.add(Map.entry("client:redirectUris", callback.toString()));
        fields.add(Map.entry("client:logoutUris", (callback.equals(CALLBACK) ? AFTER_LOGOUT : callback.resolve("bye")).toString()));
        for (String scope : SCOPE.toStringList()) {
            fields.add(Map.entry("client:scopes", scope));
        }
        if (confidential) {
            fields.add(Map.entry("client:confidential", "on"));
        }
        if (refresh) {
            fields.add(Map.entry("client:refresh", "on"));
        }
        fields.add(Map.entry("client:enabled", "on"));
        fields.add(Map.entry("client:uais", uais));
        HttpResponse<String> saved = region.postPairs(path, fields);
        assertEquals(200, saved.statusCode(), saved.body());
        return saved.body();
    }

    static String shown(String page, String attribute) {
        Matcher value = Pattern.compile("id=\"client-(?:id|secret)\" " + attribute + "=\"([^\"]+)\"").matcher(page);
        assertTrue(value.find(), attribute + " shown: " + page);
        return value.group(1);
    }

    static URI authorization(ClientID client, CodeVerifier verifier, Nonce nonce, State state, URI redirect) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, client, redirect).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).endpointURI(provider.getAuthorizationEndpointURI())
                .build().toURI();
    }

    /** A code for a signed-in browser (straight 302 to the callback). */
    static AuthorizationCode code(Http person, ClientID client, CodeVerifier verifier) throws Exception {
        HttpResponse<String> answer = person.get(pathOf(authorization(client, verifier, new Nonce(), new State(), CALLBACK)));
        assertEquals(302, answer.statusCode(), answer.body());
        return AuthorizationResponse.parse(URI.create(location(answer))).toSuccessResponse().getAuthorizationCode();
    }

    static OIDCTokens redeem(ClientAuthentication authentication, AuthorizationGrant grant) throws Exception {
        return redeem(authentication, grant, null);
    }

    static OIDCTokens redeem(ClientAuthentication authentication, AuthorizationGrant grant, ClientID publicId)
            throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(request(authentication, grant, publicId).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return assertInstanceOf(OIDCTokenResponse.class, response.toSuccessResponse()).getOIDCTokens();
    }

    static ErrorObject refused(ClientAuthentication authentication, AuthorizationGrant grant, ClientID publicId)
            throws Exception {
        HTTPResponse http = request(authentication, grant, publicId).toHTTPRequest().send();
        assertTrue(http.getStatusCode() == 400 || http.getStatusCode() == 401, http.getBody());
        ErrorObject error = TokenErrorResponse.parse(http).getErrorObject();
        assertFalse(http.getBody().contains("access_token"), "nothing issued");
        return error;
    }

    static TokenRequest request(ClientAuthentication authentication, AuthorizationGrant grant, ClientID publicId) {
        return authentication != null ? new TokenRequest(provider.getTokenEndpointURI(), authentication, grant)
                : new TokenRequest(provider.getTokenEndpointURI(), publicId, grant);
    }

    static IDTokenValidator validator(ClientID client) throws Exception {
        return new IDTokenValidator(provider.getIssuer(), client, JWSAlgorithm.RS256, provider.getJWKSetURI().toURL());
    }

    static long auditCount(String type) {
        HttpResponse<String> page = region.get("/admin/audit?type=" + type);
        assertEquals(200, page.statusCode(), page.body());
        Matcher count = Pattern.compile("data-count=\"(\\d+)\"").matcher(page.body());
        assertTrue(count.find(), page.body());
        return Long.parseLong(count.group(1));
    }

    static String pathOf(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + answer.statusCode()));
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Date in(long seconds) {
        return new Date(System.currentTimeMillis() + seconds * 1000);
    }
}
