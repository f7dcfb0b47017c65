package fr.ent.portal.federation.boundary;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.Tokens;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.federation.control.AuthorizeAnswer;
import fr.ent.portal.federation.control.OAuthAnswer;
import fr.ent.portal.federation.control.PairwiseSubject;
import fr.ent.portal.federation.control.Pkce;
import fr.ent.portal.federation.control.PortalSession;
import fr.ent.portal.federation.control.ScopeClaims;
import fr.ent.portal.federation.entity.AccessToken;
import fr.ent.portal.federation.entity.AuthorizationCode;
import fr.ent.portal.federation.entity.Grant;
import fr.ent.portal.federation.entity.OidcClient;
import fr.ent.portal.federation.entity.RefreshToken;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.sso.control.PersonAtEstablishment;

/**
 * The portal as an OpenID Connect provider: authorization code flow (PKCE S256 required for public clients, redirect
 * URIs matched exactly), token endpoint ({@code client_secret_basic}, {@code client_secret_post}; codes single use and
 * short-lived, in the database), signed ID tokens with a pairwise {@code sub}, userinfo, refresh tokens with rotation
 * and reuse detection, RP-initiated logout. Every refusal is audited; nothing is issued after a refusal.
 */
@Stateless
public class OidcProvider {

    /** Purpose of the pairwise subject key, derived from the master signing key. */
    static final String PAIRWISE_PURPOSE = "oidc-pairwise-subject";

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    EstablishmentChoice choice;

    @EJB
    FederationKeys keys;

    @EJB
    SigningKeys signingKeys;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The issuer: the portal's public address. */
    public String issuer() {
        return settings.publicUrl();
    }

    /**
     * The redirect URIs of the enabled public clients: a page of one of their origins may call the token and userinfo
     * endpoints from script (CORS). A confidential client holds a secret, so it is a server, never a page's script,
     * and gets no such permission.
     */
    public List<String> browserClientRedirectUris() {
        return em.createNamedQuery(OidcClient.ALL, OidcClient.class).getResultList().stream()
                .filter(c -> c.enabled() && !c.confidential())
                .flatMap(c -> c.redirectUris().stream())
                .toList();
    }

    // ---- authorization endpoint -------------------------------------------------------------------------------

    /**
     * An authorization request ({@code GET /oidc/authorize}) for the portal session it came with. The client and
     * the redirect URI are checked before anything can be sent back to it.
     */
    public AuthorizeAnswer authorize(Map<String, List<String>> parameters, PortalSession session, Client http) {
        String clientId = single(parameters, "client_id");
        String redirectUri = single(parameters, "redirect_uri");
        Optional<OidcClient> found = clientId == null ? Optional.empty() : client(clientId);
        if (found.isEmpty() || !found.get().enabled()) {
            return refusePage(http, session, "unknown_client");
        }
        OidcClient client = found.get();
        if (redirectUri == null || !client.redirectsTo(redirectUri)) {
            return refusePage(http, session, "redirect_uri:client:" + client.clientId());
        }
        URI redirect = URI.create(redirectUri);
        State state = Optional.ofNullable(single(parameters, "state")).map(State::new).orElse(null);
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(parameters);
        } catch (com.nimbusds.oauth2.sdk.ParseException malformed) {
            ErrorObject error = malformed.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : malformed.getErrorObject();
            return refuseRedirect(http, session, client, redirect, state, error, "malformed");
        }
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            return refuseRedirect(http, session, client, redirect, state, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE, "response_type");
        }
        if (request.getResponseMode() != null && !ResponseMode.QUERY.equals(request.getResponseMode())) {
            return refuseRedirect(http, session, client, redirect, state, OAuth2Error.INVALID_REQUEST, "response_mode");
        }
        if (request.getRequestObject() != null || request.getRequestURI() != null) {
            return refuseRedirect(http, session, client, redirect, state, OAuth2Error.REQUEST_NOT_SUPPORTED, "request_object");
        }
        String pkce = Pkce.refusal(single(parameters, "code_challenge"), single(parameters, "code_challenge_method"),
                !client.confidential());
        if (pkce != null) {
            return refuseRedirect(http, session, client, redirect, state,
                    OAuth2Error.INVALID_REQUEST.setDescription("PKCE with S256 is required"), pkce);
        }
        Set<String> scopes = ScopeClaims.granted(request.getScope().toString(), client.scopes());
        if (!scopes.contains(ScopeClaims.OPENID)) {
            return refuseRedirect(http, session, client, redirect, state, OAuth2Error.INVALID_SCOPE, "scope");
        }
        Prompt prompt = request.getPrompt();
        boolean none = prompt != null && prompt.contains(Prompt.Type.NONE);
        boolean login = prompt != null && prompt.contains(Prompt.Type.LOGIN);
        if (none && prompt.size() > 1) {
            return refuseRedirect(http, session, client, redirect, state, OAuth2Error.INVALID_REQUEST, "prompt");
        }
        boolean tooOld = session.signedIn() && request.getMaxAge() >= 0
                && session.signedInAt().plusSeconds(request.getMaxAge()).isBefore(clock.instant());
        if (!session.signedIn() || (login || tooOld) && !session.freshSignIn()) {
            if (none || session.signedIn() && session.waitingSince() != null) {
                // prompt=none; or back from the portal's sign-in for this very request without the fresh password
                // sign-in it asked for (a remembered device signed in again): an error rather than a loop
                return refuseRedirect(http, session, client, redirect, state, OIDCError.LOGIN_REQUIRED, "login_required");
            }
            return AuthorizeAnswer.of(AuthorizeAnswer.Kind.SIGN_IN);
        }
        Account account = em.find(Account.class, session.accountId());
        if (account == null || account.status() == AccountStatus.DISABLED) {
            return refuseRedirect(http, session, client, redirect, state, OAuth2Error.ACCESS_DENIED, "account_disabled");
        }
        Long establishmentId = establishment(session);
        if (establishmentId == null && choice.landing(session.accountId()).choiceNeeded()) {
            if (none) {
                return refuseRedirect(http, session, client, redirect, state, OIDCError.INTERACTION_REQUIRED,
                        "choice_needed");
            }
            return AuthorizeAnswer.of(AuthorizeAnswer.Kind.CHOOSE_ESTABLISHMENT);
        }
        Establishment establishment = establishmentId == null ? null : em.find(Establishment.class, establishmentId);
        if (!client.offeredIn(establishment == null ? null : establishment.uai())) {
            // the region offers this client elsewhere only: nothing issued for this establishment
            return refuseRedirect(http, session, client, redirect, state,
                    OAuth2Error.ACCESS_DENIED.setDescription("Not offered in this establishment"), "not_offered");
        }
        Instant now = clock.instant();
        String code = Tokens.newToken();
        Grant grant = new Grant(client.clientId(), account.id(), establishmentId, ScopeClaims.join(scopes),
                session.signedInAt(), session.amr());
        em.persist(new AuthorizationCode(Tokens.hash(code), grant, redirectUri,
                request.getNonce() == null ? null : request.getNonce().getValue(),
                single(parameters, "code_challenge"), now.plus(settings.getDuration(Setting.OIDC_CODE_VALIDITY))));
        audit.record(AuditEventType.OIDC_CODE_ISSUED, account.id(), account.identifier(), http.ip(), http.userAgent(),
                "client:" + client.clientId(), establishmentId);
        return AuthorizeAnswer.redirect(new AuthorizationSuccessResponse(redirect,
                new com.nimbusds.oauth2.sdk.AuthorizationCode(code), null, state, new Issuer(issuer()),
                ResponseMode.QUERY).toURI().toString());
    }

    /** The session's establishment while still linked, else the one the person lands on (null: a choice is needed). */
    private Long establishment(PortalSession session) {
        List<Long> linked = choice.linked(session.accountId()).stream().map(LinkedEstablishment::getId).toList();
        if (session.establishmentId() != null && linked.contains(session.establishmentId())) {
            return session.establishmentId();
        }
        EstablishmentLanding landing = choice.landing(session.accountId());
        return landing.choiceNeeded() ? null : landing.establishmentId();
    }

    private AuthorizeAnswer refusePage(Client http, PortalSession session, String reason) {
        audit.record(AuditEventType.OIDC_AUTHORIZE_REFUSED, session.accountId(), null, http.ip(), http.userAgent(), reason);
        return AuthorizeAnswer.page(reason);
    }

    private AuthorizeAnswer refuseRedirect(Client http, PortalSession session, OidcClient client, URI redirect,
                                           State state, ErrorObject error, String reason) {
        audit.record(AuditEventType.OIDC_AUTHORIZE_REFUSED, session.accountId(), null, http.ip(), http.userAgent(),
                reason + ":client:" + client.clientId());
        return AuthorizeAnswer.redirect(new AuthenticationErrorResponse(redirect, error, state, new Issuer(issuer()),
                ResponseMode.QUERY).toURI().toString());
    }

    // ---- token endpoint ---------------------------------------------------------------------------------------

    /** A token request ({@code POST /oidc/token}). The code is spent whatever the answer. */
    public OAuthAnswer token(HTTPRequest httpRequest, Client http) {
        TokenRequest request;
        try {
            request = TokenRequest.parse(httpRequest);
        } catch (com.nimbusds.oauth2.sdk.ParseException malformed) {
            ErrorObject error = malformed.getErrorObject() == null ? OAuth2Error.INVALID_REQUEST : malformed.getErrorObject();
            return tokenError(http, null, error, "malformed");
        }
        ClientAuthentication authentication = request.getClientAuthentication();
        ClientID clientId = authentication != null ? authentication.getClientID() : request.getClientID();
        Optional<OidcClient> found = clientId == null ? Optional.empty() : client(clientId.getValue());
        if (found.isEmpty() || !found.get().enabled()) {
            return tokenError(http, null, OAuth2Error.INVALID_CLIENT, "invalid_client:unknown");
        }
        OidcClient client = found.get();
        String authenticationRefused = authenticationRefusal(client, authentication);
        if (authenticationRefused != null) {
            return tokenError(http, client, OAuth2Error.INVALID_CLIENT, authenticationRefused);
        }
        AuthorizationGrant grant = request.getAuthorizationGrant();
        if (grant instanceof AuthorizationCodeGrant codeGrant) {
            return redeemCode(codeGrant, client, http);
        }
        if (grant instanceof RefreshTokenGrant refreshGrant && client.refreshAllowed()) {
            return refresh(refreshGrant, client, http);
        }
        return tokenError(http, client, OAuth2Error.UNSUPPORTED_GRANT_TYPE, "grant_type");
    }

    /** Why the client's authentication is refused, or null: a secret for a confidential client, none for a public one. */
    static String authenticationRefusal(OidcClient client, ClientAuthentication authentication) {
        if (!client.confidential()) {
            return authentication == null ? null : "invalid_client:public_with_secret";
        }
        if (authentication == null) {
            return "invalid_client:no_secret";
        }
        ClientAuthenticationMethod method = authentication.getMethod();
        String secret;
        if (authentication instanceof ClientSecretBasic basic) {
            secret = basic.getClientSecret().getValue();
        } else if (authentication instanceof ClientSecretPost post) {
            secret = post.getClientSecret().getValue();
        } else {
            return "invalid_client:method:" + method;
        }
        boolean matches = MessageDigest.isEqual(Tokens.hash(secret).getBytes(StandardCharsets.US_ASCII),
                client.secretHash().getBytes(StandardCharsets.US_ASCII));
        return matches ? null : "invalid_client:secret";
    }

    private OAuthAnswer redeemCode(AuthorizationCodeGrant codeGrant, OidcClient client, Client http) {
        String value = codeGrant.getAuthorizationCode().getValue();
        AuthorizationCode code = Tokens.wellFormed(value)
                ? em.find(AuthorizationCode.class, Tokens.hash(value), LockModeType.PESSIMISTIC_WRITE) : null;
        if (code == null) {
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, "code_unknown");
        }
        Instant now = clock.instant();
        boolean replay = code.wasUsed();
        if (!code.spend(now)) {
            if (replay) {
                // a code redeemed twice: the tokens issued with it are revoked (RFC 6749, section 4.1.2)
                revokeFamily(Tokens.hash(value), now);
            }
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, replay ? "code_replayed" : "code_expired");
        }
        if (!code.clientId().equals(client.clientId())) {
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, "code_other_client");
        }
        URI redirect = codeGrant.getRedirectionURI();
        if (redirect == null || !code.redirectUri().equals(redirect.toString())) {
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, "redirect_uri");
        }
        String verifier = codeGrant.getCodeVerifier() == null ? null : codeGrant.getCodeVerifier().getValue();
        if (!Pkce.verifies(code.codeChallenge(), verifier)) {
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, "pkce");
        }
        return issue(code.grant(), code.nonce(), Tokens.hash(value), client, http, "authorization_code");
    }

    private OAuthAnswer refresh(RefreshTokenGrant refreshGrant, OidcClient client, Client http) {
        String value = refreshGrant.getRefreshToken().getValue();
        RefreshToken token = Tokens.wellFormed(value)
                ? em.find(RefreshToken.class, Tokens.hash(value), LockModeType.PESSIMISTIC_WRITE) : null;
        if (token == null || !token.clientId().equals(client.clientId())) {
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, token == null ? "refresh_unknown" : "refresh_other_client");
        }
        Instant now = clock.instant();
        RefreshToken.Use use = token.use(now);
        if (use == RefreshToken.Use.REUSED) {
            revokeFamily(token.family(), now);
            audit.record(AuditEventType.OIDC_REFRESH_REUSED, token.accountId(), null, http.ip(), http.userAgent(),
                    "client:" + client.clientId());
        }
        if (use != RefreshToken.Use.ROTATED) {
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, "refresh_" + use.name().toLowerCase(java.util.Locale.ROOT));
        }
        return issue(token.grant(), null, token.family(), client, http, "refresh_token");
    }

    private void revokeFamily(String family, Instant now) {
        em.createNamedQuery(RefreshToken.REVOKE_FAMILY).setParameter("now", now).setParameter("family", family)
                .executeUpdate();
    }

    /** ID token, access token and (when the client may) a refresh token of the family, for a live account. */
    private OAuthAnswer issue(Grant grant, String nonce, String family, OidcClient client, Client http, String how) {
        Account account = em.find(Account.class, grant.accountId());
        if (account == null || account.status() == AccountStatus.DISABLED || !account.isSessionValid(grant.authTime())) {
            // disabled, or signed out everywhere / password reset since the sign-in behind this grant
            revokeFamily(family, clock.instant());
            return tokenError(http, client, OAuth2Error.INVALID_GRANT, "account_" + (account == null ? "unknown"
                    : account.status() == AccountStatus.DISABLED ? "disabled" : "sessions_ended"));
        }
        Instant now = clock.instant();
        Duration validity = settings.getDuration(Setting.OIDC_TOKEN_VALIDITY);
        String access = Tokens.newToken();
        em.persist(new AccessToken(Tokens.hash(access), grant, now.plus(validity)));
        com.nimbusds.oauth2.sdk.token.RefreshToken refresh = null;
        if (client.refreshAllowed()) {
            String value = Tokens.newToken();
            em.persist(new RefreshToken(Tokens.hash(value), family, grant,
                    now.plus(settings.getDuration(Setting.OIDC_REFRESH_VALIDITY))));
            refresh = new com.nimbusds.oauth2.sdk.token.RefreshToken(value);
        }
        SignedJWT idToken = idToken(grant, nonce, now, validity);
        audit.record(AuditEventType.OIDC_TOKEN_ISSUED, account.id(), account.identifier(), http.ip(), http.userAgent(),
                "client:" + client.clientId() + ":" + how, grant.establishmentId());
        OIDCTokenResponse response = new OIDCTokenResponse(new OIDCTokens(idToken,
                new BearerAccessToken(access, validity.toSeconds(), Scope.parse(grant.scope())), refresh));
        return new OAuthAnswer(200, response.toHTTPResponse().getBody(), null);
    }

    private SignedJWT idToken(Grant grant, String nonce, Instant now, Duration validity) {
        RSAKey signer = keys.signer();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject(grant.clientId(), grant.accountId()))
                .audience(grant.clientId())
                .claim("azp", grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("amr", List.of(grant.amr()));
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(signer));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an ID token failed", e);
        }
        return jwt;
    }

    private OAuthAnswer tokenError(Client http, OidcClient client, ErrorObject error, String reason) {
        audit.record(AuditEventType.OIDC_TOKEN_REFUSED, null, null, http.ip(), http.userAgent(),
                client == null ? reason : reason + ":client:" + client.clientId());
        TokenErrorResponse response = new TokenErrorResponse(error);
        boolean invalidClient = OAuth2Error.INVALID_CLIENT.getCode().equals(error.getCode());
        return new OAuthAnswer(error.getHTTPStatusCode() > 0 ? error.getHTTPStatusCode() : 400,
                response.toHTTPResponse().getBody(), invalidClient ? "Basic realm=\"ent\"" : null);
    }

    // ---- userinfo ---------------------------------------------------------------------------------------------

    /** {@code GET/POST /oidc/userinfo} with a bearer access token: the claims of its scopes. */
    public OAuthAnswer userInfo(String authorization, Client http) {
        BearerAccessToken bearer;
        try {
            bearer = BearerAccessToken.parse(authorization);
        } catch (com.nimbusds.oauth2.sdk.ParseException missing) {
            return userInfoError(http, "no_token", "Bearer");
        }
        AccessToken token = Tokens.wellFormed(bearer.getValue())
                ? em.find(AccessToken.class, Tokens.hash(bearer.getValue())) : null;
        if (token == null || !token.validAt(clock.instant())) {
            return userInfoError(http, token == null ? "unknown" : "expired", "Bearer error=\"invalid_token\"");
        }
        Grant grant = token.grant();
        Account account = em.find(Account.class, grant.accountId());
        if (account == null || account.status() == AccountStatus.DISABLED || !account.isSessionValid(grant.authTime())) {
            return userInfoError(http, "account", "Bearer error=\"invalid_token\"");
        }
        Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("sub", subject(grant.clientId(), grant.accountId()));
        claims.putAll(claims(account, grant));
        return new OAuthAnswer(200, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(claims), null);
    }

    /** The claims of the grant's scopes, for the grant's establishment (the rule shared with CAS). */
    Map<String, Object> claims(Account account, Grant grant) {
        return ScopeClaims.claims(PersonAtEstablishment.of(em, account, grant.establishmentId(), LocalDate.now(clock)),
                ScopeClaims.split(grant.scope()), grant.authTime());
    }

    private OAuthAnswer userInfoError(Client http, String reason, String challenge) {
        audit.record(AuditEventType.OIDC_USERINFO_REFUSED, null, null, http.ip(), http.userAgent(), reason);
        return new OAuthAnswer(401, "{\"error\":\"invalid_token\"}", challenge);
    }

    // ---- RP-initiated logout ----------------------------------------------------------------------------------

    /** What {@code /oidc/logout} does. */
    public record LogoutAnswer(boolean endSession, String redirect, String refusal) {
    }

    /**
     * RP-initiated logout: the {@code id_token_hint} must be a token this portal signed (any published key; it may
     * have expired), the {@code post_logout_redirect_uri} one registered for its client (exact match). The session
     * ends only when the hint names the person signed in; that person's tokens for the client are revoked.
     */
    public LogoutAnswer logout(String idTokenHint, String postLogoutRedirectUri, String state, Long sessionAccountId,
                               Client http) {
        if (idTokenHint == null || idTokenHint.isBlank() || idTokenHint.length() > 8000) {
            return logoutRefused(http, sessionAccountId, "no_hint");
        }
        JWTClaimsSet hint;
        try {
            hint = verifiedOwnToken(idTokenHint);
        } catch (ParseException | JOSEException | IllegalArgumentException bad) {
            hint = null;
        }
        if (hint == null || hint.getAudience() == null || hint.getAudience().size() != 1) {
            return logoutRefused(http, sessionAccountId, "hint_invalid");
        }
        Optional<OidcClient> client = client(hint.getAudience().get(0));
        if (client.isEmpty()) {
            return logoutRefused(http, sessionAccountId, "hint_client");
        }
        String redirect = null;
        if (postLogoutRedirectUri != null && !postLogoutRedirectUri.isEmpty()) {
            if (!client.get().logsOutTo(postLogoutRedirectUri)) {
                return logoutRefused(http, sessionAccountId, "post_logout_redirect_uri:client:" + client.get().clientId());
            }
            redirect = postLogoutRedirectUri + (state == null || state.isEmpty() ? ""
                    : (postLogoutRedirectUri.contains("?") ? "&" : "?") + "state="
                    + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        boolean sessionOfHint = sessionAccountId != null
                && subject(client.get().clientId(), sessionAccountId).equals(hint.getSubject());
        if (sessionAccountId != null && !sessionOfHint) {
            return logoutRefused(http, sessionAccountId, "hint_other_person:client:" + client.get().clientId());
        }
        if (sessionOfHint) {
            Instant now = clock.instant();
            em.createNamedQuery(RefreshToken.REVOKE_ACCOUNT_CLIENT).setParameter("now", now)
                    .setParameter("account", sessionAccountId).setParameter("client", client.get().clientId()).executeUpdate();
            em.createNamedQuery(AccessToken.REVOKE_ACCOUNT_CLIENT).setParameter("now", now)
                    .setParameter("account", sessionAccountId).setParameter("client", client.get().clientId()).executeUpdate();
        }
        audit.record(AuditEventType.OIDC_LOGOUT, sessionAccountId, null, http.ip(), http.userAgent(),
                "client:" + client.get().clientId() + (sessionOfHint ? "" : ":no_session"));
        return new LogoutAnswer(sessionOfHint, redirect, null);
    }

    private LogoutAnswer logoutRefused(Client http, Long accountId, String reason) {
        audit.record(AuditEventType.OIDC_LOGOUT_REFUSED, accountId, null, http.ip(), http.userAgent(), reason);
        return new LogoutAnswer(false, null, reason);
    }

    /**
     * The claims of a token this portal signed: RS256 only (an unsigned {@code alg=none} token does not parse as a
     * JWS), a published key by its {@code kid}, this issuer. Expiry is not checked (a logout hint may have expired).
     *
     * @return null when the signature, key or issuer is not the portal's
     */
    JWTClaimsSet verifiedOwnToken(String serialized) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(serialized);
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
            return null;
        }
        JWK key = keys.published().getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
            return null;
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        return issuer().equals(claims.getIssuer()) ? claims : null;
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    /** The pairwise {@code sub} of the account for the client. */
    public String subject(String clientId, long accountId) {
        return new PairwiseSubject(signingKeys.key(PAIRWISE_PURPOSE)).of(clientId, accountId);
    }

    private Optional<OidcClient> client(String clientId) {
        if (clientId.length() > 64) {
            return Optional.empty();
        }
        return em.createNamedQuery(OidcClient.BY_CLIENT_ID, OidcClient.class).setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }
}
