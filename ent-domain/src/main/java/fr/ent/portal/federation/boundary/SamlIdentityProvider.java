package fr.ent.portal.federation.boundary;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.families.control.EstablishmentLanding;
import fr.ent.portal.federation.control.KeyCertificate;
import fr.ent.portal.federation.control.LogoutResponseCheck;
import fr.ent.portal.federation.control.PairwiseSubject;
import fr.ent.portal.federation.control.PortalSession;
import fr.ent.portal.federation.control.SamlAnswer;
import fr.ent.portal.federation.control.SamlAttribute;
import fr.ent.portal.federation.control.SamlMessages;
import fr.ent.portal.federation.control.SamlPending;
import fr.ent.portal.federation.control.SamlRefused;
import fr.ent.portal.federation.control.SamlSession;
import fr.ent.portal.federation.control.SamlSignatures;
import fr.ent.portal.federation.control.SamlXml;
import fr.ent.portal.federation.entity.SamlRequestSeen;
import fr.ent.portal.federation.entity.SamlServiceProvider;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.sso.control.PersonAtEstablishment;

/**
 * The portal as a SAML 2.0 identity provider (Web Browser SSO profile, single logout) for the service providers the
 * region registered ({@link SamlServiceProviders}): AuthnRequests by HTTP-Redirect and HTTP-POST, checked before
 * anything else (known provider, signature when it must sign or did sign, ACS registered, age, replay); signed
 * Responses with a signed Assertion (RSA-SHA256, the federation's key) posted to the registered ACS only, for the
 * person as the chosen establishment sees them; IdP-initiated starts from the portal's tiles; LogoutRequests from a
 * provider, and LogoutRequests sent to the providers a portal session opened when it ends: by the browser, one
 * provider after the other, to those whose logout address takes the HTTP-Redirect binding (the web keeps the
 * chain: {@link fr.ent.portal.federation.control.LogoutChain}), by the server to the others. Every refusal is audited
 * and nothing is issued after one.
 */
@Stateless
public class SamlIdentityProvider {

    private static final Logger LOG = Logger.getLogger(SamlIdentityProvider.class.getName());
    /** Purpose of the pairwise NameID key, derived from the master signing key. */
    static final String PAIRWISE_PURPOSE = "saml-pairwise-subject";
    /** How far in the future a request's IssueInstant may be (clocks differ). */
    static final Duration SKEW = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Certificates built per key (self-signed): the same on every node. */
    private static final Map<String, X509Certificate> CERTIFICATES = new ConcurrentHashMap<>();

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

    // ---- addresses and metadata -------------------------------------------------------------------------------

    public String base() {
        return settings.publicUrl();
    }

    /** The IdP's entity id: its metadata's stable address. */
    public String entityId() {
        return base() + "/saml/metadata";
    }

    public String ssoUrl() {
        return base() + "/saml/sso";
    }

    public String sloUrl() {
        return base() + "/saml/slo";
    }

    /** The IdP-initiated start of a provider: what its tile opens when it names no start address of its own. */
    public String startAddress(String spEntityId) {
        return base() + "/saml/start?sp=" + URLEncoder.encode(spEntityId, StandardCharsets.UTF_8);
    }

    /** The metadata document: every published key's certificate, SSO and SLO for both bindings. */
    public String metadata() {
        List<String> certificates = new ArrayList<>();
        for (JWK key : keys.published().getKeys()) {
            if (key instanceof RSAKey rsa) {
                certificates.add(KeyCertificate.base64(certificate(rsa)));
            }
        }
        return SamlMessages.metadata(entityId(), ssoUrl(), sloUrl(), certificates);
    }

    /**
     * The certificate of a published key, self-signed by that key: the same on every node and whichever key signs
     * (a provider that compares the certificate of a message's {@code KeyInfo} with the metadata's, as java-saml does,
     * finds it again after the key it read during a rotation's publication delay starts signing).
     */
    X509Certificate certificate(RSAKey published) {
        return CERTIFICATES.computeIfAbsent(published.getKeyID(), kid -> {
            try {
                KeyPair pair = new KeyPair(published.toRSAPublicKey(), keys.withPrivate(kid).toRSAPrivateKey());
                Instant created = published.getIssueTime() == null ? Instant.EPOCH : published.getIssueTime().toInstant();
                return KeyCertificate.of(kid, kid, pair, created, base());
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private PrivateKey signingKey() {
        try {
            return keys.signer().toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate signingCertificate() {
        return certificate(keys.signer().toPublicJWK());
    }

    // ---- AuthnRequest -----------------------------------------------------------------------------------------

    /** A request received, checked: pending for the portal session, or refused (reason audited). */
    public record Received(SamlPending pending, String refusal) {
    }

    /**
     * An AuthnRequest ({@code SAMLRequest} of {@code /saml/sso}) checked before anything can be sent back: the
     * provider is registered and on; a redirect-bound request's query signature, or a POST-bound request's XML
     * signature, is verified with its certificate (and required when it must sign); the ACS it names, if any, is
     * the registered one (never posted elsewhere); its destination is this IdP; not older than the assertion
     * validity; its ID not seen before.
     *
     * @param redirect HTTP-Redirect binding (else HTTP-POST)
     * @param rawQuery the query as received (redirect binding: what the signature covers)
     */
    public Received authnRequest(boolean redirect, String samlRequest, String relayState, String rawQuery,
                                 Long accountId, Client http) {
        String sp = null;
        try {
            Element root = received(redirect, samlRequest);
            SamlMessages.AuthnRequest request = SamlMessages.AuthnRequest.read(root);
            sp = request.issuer();
            SamlServiceProvider provider = registered(request.issuer());
            checkSignature(provider, redirect, root, rawQuery, "SAMLRequest");
            if (request.destination() != null && !ssoUrl().equals(request.destination())) {
                throw new SamlRefused("destination");
            }
            if (!provider.consumesAt(request.acs())) {
                throw new SamlRefused("acs_not_registered");
            }
            if (request.protocolBinding() != null && !SamlXml.BINDING_POST.equals(request.protocolBinding())) {
                throw new SamlRefused("binding");
            }
            if (relayState != null && relayState.length() > 80 * 10) {
                throw new SamlRefused("relay_state");
            }
            fresh(request.issueInstant());
            once(provider.entityId(), request.id(), request.issueInstant());
            return new Received(new SamlPending(provider.entityId(), request.id(), relayState, request.forceAuthn(),
                    request.passive(), request.authnContext()), null);
        } catch (SamlRefused refused) {
            audit.record(AuditEventType.SAML_REQUEST_REFUSED, accountId, null, http.ip(), http.userAgent(),
                    detail(refused.reason(), sp));
            return new Received(null, refused.reason());
        }
    }

    /** An IdP-initiated start (the portal's tile): the provider, on, with no request behind it. */
    public Received idpInitiated(String entityId, Long accountId, Client http) {
        Optional<SamlServiceProvider> provider = entityId == null ? Optional.empty() : provider(entityId);
        if (provider.isEmpty()) {
            audit.record(AuditEventType.SAML_REQUEST_REFUSED, accountId, null, http.ip(), http.userAgent(),
                    detail("unknown_sp", entityId));
            return new Received(null, "unknown_sp");
        }
        return new Received(new SamlPending(provider.get().entityId(), null, null, false, false), null);
    }

    /**
     * The answer to a checked request for the portal session: sign in first, choose an establishment first (a person
     * linked to several with none chosen), a page when the provider is not offered in the chosen establishment, or the
     * signed Response for the registered ACS. A passive request ({@code IsPassive}) never sends the person to a page
     * of the portal: where it would, the provider gets a signed {@code NoPassive} Response at its ACS.
     */
    public SamlAnswer respond(SamlPending pending, PortalSession session, Client http) {
        Optional<SamlServiceProvider> found = provider(pending.spEntityId());
        if (found.isEmpty()) {
            return refuse(http, session.accountId(), "withdrawn", pending.spEntityId());
        }
        SamlServiceProvider provider = found.get();
        if (!session.signedIn() || pending.forceAuthn() && !session.freshSignIn()) {
            if (pending.passive()) {
                return noPassive(provider, pending, session.accountId(), http);
            }
            if (session.signedIn() && session.waitingSince() != null) {
                return refuse(http, session.accountId(), "force_authn_not_met", provider.entityId());
            }
            return SamlAnswer.of(SamlAnswer.Kind.SIGN_IN);
        }
        Account account = em.find(Account.class, session.accountId());
        if (account == null || account.status() == AccountStatus.DISABLED) {
            return refuse(http, session.accountId(), "account_disabled", provider.entityId());
        }
        if (pending.authnContext() != null && pending.authnContext().answer(session.amr()).isEmpty()) {
            return failure(provider, pending, SamlMessages.NO_AUTHN_CONTEXT, "no_authn_context", account.id(), http);
        }
        Long establishmentId = establishment(session);
        if (establishmentId == null && choice.landing(session.accountId()).choiceNeeded()) {
            if (pending.passive()) {
                return noPassive(provider, pending, session.accountId(), http);
            }
            return SamlAnswer.of(SamlAnswer.Kind.CHOOSE_ESTABLISHMENT);
        }
        Establishment establishment = establishmentId == null ? null : em.find(Establishment.class, establishmentId);
        if (!provider.offeredIn(establishment == null ? null : establishment.uai())) {
            audit.record(AuditEventType.SAML_REQUEST_REFUSED, account.id(), account.identifier(), http.ip(),
                    http.userAgent(), detail("not_offered", provider.entityId()), establishmentId);
            return SamlAnswer.notOffered(provider.name());
        }
        Instant now = clock.instant();
        String pairwise = new PairwiseSubject(signingKeys.key(PAIRWISE_PURPOSE)).of(provider.entityId(), account.id());
        String format = provider.nameIdTransient() ? SamlMessages.TRANSIENT : SamlMessages.PERSISTENT;
        String nameId = provider.nameIdTransient() ? SamlMessages.newId() : pairwise;
        var person = PersonAtEstablishment.of(em, account, establishmentId, LocalDate.now(clock));
        SamlMessages.Subject subject = new SamlMessages.Subject(nameId, format, SamlMessages.newId(),
                session.signedInAt(), pending.authnContext() == null ? SamlMessages.authnContextClass(session.amr())
                        : pending.authnContext().answer(session.amr()).orElseThrow(),
                SamlAttribute.values(SamlAttribute.parse(provider.attributes()), person, pairwise,
                        settings.get(Setting.SAML_GAR_ID_ENT)));
        Document response = SamlMessages.response(entityId(), provider.entityId(), provider.acsUrl(),
                pending.requestId(), subject, now, settings.getDuration(Setting.SAML_ASSERTION_VALIDITY));
        PrivateKey key = signingKey();
        X509Certificate certificate = signingCertificate();
        SamlSignatures.sign(SamlMessages.assertionOf(response), key, certificate);
        SamlSignatures.sign(response.getDocumentElement(), key, certificate);
        audit.record(AuditEventType.SAML_ASSERTION_ISSUED, account.id(), account.identifier(), http.ip(),
                http.userAgent(), detail(pending.requestId() == null ? "idp_initiated" : "answer", provider.entityId()),
                establishmentId);
        String encoded = Base64.getEncoder().encodeToString(SamlXml.write(response).getBytes(StandardCharsets.UTF_8));
        return new SamlAnswer(SamlAnswer.Kind.POST, provider.acsUrl(), encoded, pending.relayState(),
                provider.singleLogout() ? new SamlSession(provider.entityId(), nameId, format, subject.sessionIndex(),
                        account.id()) : null, provider.name());
    }

    /** The signed {@code NoPassive} answer to a passive request the portal cannot answer without a page. */
    private SamlAnswer noPassive(SamlServiceProvider provider, SamlPending pending, Long accountId, Client http) {
        return failure(provider, pending, SamlMessages.NO_PASSIVE, "no_passive", accountId, http);
    }

    /**
     * A signed Response without assertion, {@code Responder} and the second-level {@code status}, posted to the
     * registered ACS ({@code NoPassive}, {@code NoAuthnContext}); audited {@code SAML_REQUEST_REFUSED}.
     */
    private SamlAnswer failure(SamlServiceProvider provider, SamlPending pending, String status, String reason,
                               Long accountId, Client http) {
        Document response = SamlMessages.failure(entityId(), provider.acsUrl(), pending.requestId(), status,
                clock.instant());
        SamlSignatures.sign(response.getDocumentElement(), signingKey(), signingCertificate());
        audit.record(AuditEventType.SAML_REQUEST_REFUSED, accountId, null, http.ip(), http.userAgent(),
                detail(reason, provider.entityId()));
        String encoded = Base64.getEncoder().encodeToString(SamlXml.write(response).getBytes(StandardCharsets.UTF_8));
        return new SamlAnswer(SamlAnswer.Kind.POST, provider.acsUrl(), encoded, pending.relayState(), null,
                provider.name());
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

    private SamlAnswer refuse(Client http, Long accountId, String reason, String sp) {
        audit.record(AuditEventType.SAML_REQUEST_REFUSED, accountId, null, http.ip(), http.userAgent(), detail(reason, sp));
        return SamlAnswer.of(SamlAnswer.Kind.REFUSED);
    }

    // ---- single logout ----------------------------------------------------------------------------------------

    /**
     * What a LogoutRequest from a provider does: end the portal session when it names a session this portal session
     * opened there ({@code endSession}), and the signed LogoutResponse to redirect to (its registered SLO address
     * only) when no other provider is to be told by the browser first ({@link #endOfLogout} answers after a chain).
     * Refused (null redirect, audited): unknown provider, bad or missing signature, no SLO address, too old,
     * replayed.
     */
    public record LogoutAnswer(boolean endSession, String redirect, String refusal, String spEntityId,
                               String requestId) {
    }

    public LogoutAnswer logoutRequest(boolean redirect, String samlRequest, String relayState, String rawQuery,
                                      Long accountId, List<SamlSession> opened, Client http) {
        String sp = null;
        try {
            Element root = received(redirect, samlRequest);
            SamlMessages.LogoutRequest request = SamlMessages.LogoutRequest.read(root);
            sp = request.issuer();
            SamlServiceProvider provider = registered(request.issuer());
            if (provider.sloUrl() == null) {
                throw new SamlRefused("no_slo");
            }
            checkSignature(provider, redirect, root, rawQuery, "SAMLRequest");
            if (request.destination() != null && !sloUrl().equals(request.destination())) {
                throw new SamlRefused("destination");
            }
            fresh(request.issueInstant());
            once(provider.entityId(), request.id(), request.issueInstant());
            boolean ours = accountId != null && opened.stream().anyMatch(s -> s.spEntityId().equals(provider.entityId())
                    && s.nameId().equals(request.nameId()) && s.accountId() == accountId);
            audit.record(AuditEventType.SAML_LOGOUT, ours ? accountId : null, null, http.ip(), http.userAgent(),
                    detail(ours ? "from_sp" : "from_sp:no_session", provider.entityId()));
            return new LogoutAnswer(ours, logoutResponseTo(provider, request.id(), relayState, false), null,
                    provider.entityId(), request.id());
        } catch (SamlRefused refused) {
            audit.record(AuditEventType.SAML_LOGOUT_REFUSED, accountId, null, http.ip(), http.userAgent(),
                    detail(refused.reason(), sp));
            return new LogoutAnswer(false, null, refused.reason(), sp, null);
        }
    }

    private String logoutResponseTo(SamlServiceProvider provider, String requestId, String relayState, boolean partial) {
        Document response = SamlMessages.logoutResponse(entityId(), provider.sloUrl(), requestId, partial,
                clock.instant());
        return withQuery(provider.sloUrl(), SamlSignatures.signedRedirectQuery("SAMLResponse", SamlXml.write(response),
                relayState, signingKey()));
    }

    private static String withQuery(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    // ---- front-channel single logout chain (the browser sent to each provider in turn) ----------------------------

    /** The sessions among {@code opened} whose provider logs out by the browser (the others are told by the server). */
    public List<SamlSession> byBrowser(List<SamlSession> opened) {
        return opened.stream().filter(s -> provider(s.spEntityId()).map(SamlServiceProvider::logsOutByBrowser)
                .orElse(false)).toList();
    }

    /** Where the browser goes to end one provider's session: its SLO address with a signed LogoutRequest. */
    public record LogoutStep(String redirect, String requestId) {
    }

    /**
     * The signed LogoutRequest (HTTP-Redirect binding, query signature RSA-SHA256) that ends {@code session} at its
     * provider, audited {@code SAML_LOGOUT} ({@code front:sent}); null when the provider no longer logs out by the
     * browser (withdrawn meanwhile).
     */
    public LogoutStep logoutByBrowser(SamlSession session, Client http) {
        Optional<SamlServiceProvider> found = provider(session.spEntityId())
                .filter(SamlServiceProvider::logsOutByBrowser);
        audit.record(AuditEventType.SAML_LOGOUT, session.accountId(), null, http.ip(), http.userAgent(),
                detail(found.isPresent() ? "front:sent" : "front:withdrawn", session.spEntityId()));
        if (found.isEmpty()) {
            return null;
        }
        SamlServiceProvider provider = found.get();
        Document request = SamlMessages.logoutRequest(entityId(), provider.entityId(), provider.sloUrl(),
                session.nameId(), session.nameIdFormat(), session.sessionIndex(), clock.instant());
        String query = SamlSignatures.signedRedirectQuery("SAMLRequest", SamlXml.write(request), null, signingKey());
        return new LogoutStep(withQuery(provider.sloUrl(), query), request.getDocumentElement().getAttribute("ID"));
    }

    /**
     * A provider's LogoutResponse, in a chain that waits for {@code awaitingSp}'s answer to its LogoutRequest
     * {@code awaitingRequestId} (both null: the browser brought no chain). Null when it confirms (audited
     * {@code SAML_LOGOUT}, {@code front:confirmed}); else the reason, audited: {@code SAML_LOGOUT_REFUSED} when the
     * message is refused (missing, unexpected, another issuer, unsigned when the provider signs — it must sign its
     * requests or has a certificate —, a signature that does not verify, another {@code InResponseTo}, another
     * destination, too old, replayed), {@code SAML_LOGOUT} {@code front:not_confirmed} when the provider says it
     * did not log out.
     */
    public String logoutResponse(boolean redirect, String samlResponse, String rawQuery, String awaitingSp,
                                 String awaitingRequestId, Long accountId, Client http) {
        String sp = awaitingSp;
        try {
            if (samlResponse == null || samlResponse.isBlank()) {
                throw new SamlRefused("missing");
            }
            Element root = received(redirect, samlResponse);
            SamlMessages.LogoutResponse response = SamlMessages.LogoutResponse.read(root);
            if (awaitingSp == null) {
                sp = response.issuer();
                throw new SamlRefused("unexpected");
            }
            SamlServiceProvider provider = registered(awaitingSp);
            LogoutResponseCheck.check(root, response, redirect ? rawQuery : null, awaitingSp, awaitingRequestId,
                    provider.answersSigned(), provider.certificate(), sloUrl());
            fresh(response.issueInstant());
            once(provider.entityId(), response.id(), response.issueInstant());
            audit.record(AuditEventType.SAML_LOGOUT, accountId, null, http.ip(), http.userAgent(),
                    detail(response.success() ? "front:confirmed" : "front:not_confirmed", sp));
            return response.success() ? null : "not_confirmed";
        } catch (SamlRefused refused) {
            audit.record(AuditEventType.SAML_LOGOUT_REFUSED, accountId, null, http.ip(), http.userAgent(),
                    detail(refused.reason(), sp));
            return refused.reason();
        }
    }

    /**
     * The end of a chain, audited {@code SAML_LOGOUT} ({@code front:ended}, or {@code front:partial} when a provider
     * did not confirm): the signed LogoutResponse to the provider that started it, Success or PartialLogout
     * (HTTP-Redirect to its registered SLO address); null when the portal's sign-out started it (or that provider is
     * gone).
     */
    public String endOfLogout(String initiatorSp, String requestId, String relayState, boolean partial, long accountId,
                              Client http) {
        audit.record(AuditEventType.SAML_LOGOUT, accountId, null, http.ip(), http.userAgent(),
                detail(partial ? "front:partial" : "front:ended", initiatorSp));
        Optional<SamlServiceProvider> initiator = initiatorSp == null ? Optional.empty() : provider(initiatorSp);
        if (initiator.isEmpty() || initiator.get().sloUrl() == null) {
            return null;
        }
        return logoutResponseTo(initiator.get(), requestId, relayState, partial);
    }

    /**
     * A portal session ended: each provider it opened a session at, registered for single logout, is sent a signed
     * LogoutRequest (HTTP-POST binding encoding, from the server, as CAS single logout does), in the background.
     */
    public void sessionEnded(List<SamlSession> opened) {
        for (SamlSession session : opened) {
            Optional<SamlServiceProvider> found = provider(session.spEntityId());
            if (found.isEmpty() || !found.get().singleLogout() || found.get().sloUrl() == null) {
                continue;
            }
            SamlServiceProvider provider = found.get();
            Document request = SamlMessages.logoutRequest(entityId(), provider.entityId(), provider.sloUrl(),
                    session.nameId(), session.nameIdFormat(), session.sessionIndex(), clock.instant());
            SamlSignatures.sign(request.getDocumentElement(), signingKey(), signingCertificate());
            String body = "SAMLRequest=" + URLEncoder.encode(Base64.getEncoder().encodeToString(
                    SamlXml.write(request).getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            audit.record(AuditEventType.SAML_LOGOUT, session.accountId(), null, null, null,
                    detail("sent", provider.entityId()));
            try {
                HTTP.sendAsync(HttpRequest.newBuilder(URI.create(provider.sloUrl())).timeout(Duration.ofSeconds(5))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding())
                        .exceptionally(failed -> {
                            LOG.log(Level.INFO, "SAML single logout to {0} failed: {1}",
                                    new Object[]{provider.entityId(), failed.toString()});
                            return null;
                        });
            } catch (IllegalArgumentException badAddress) {
                LOG.log(Level.INFO, "SAML single logout address refused: {0}", provider.sloUrl());
            }
        }
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    /**
     * Signature rules: a message that carries a signature is verified whatever the provider's setting; one without
     * is refused when the provider must sign. A provider with no certificate cannot have signed anything.
     */
    private static void checkSignature(SamlServiceProvider provider, boolean redirect, Element root, String rawQuery,
                                       String parameter) {
        boolean querySigned = redirect && rawQuery != null && rawQuery.contains("Signature=");
        boolean xmlSigned = SamlSignatures.signed(root);
        if (redirect && xmlSigned) {
            throw new SamlRefused("signature_in_redirect");
        }
        if (!querySigned && !xmlSigned) {
            if (provider.requestsSigned()) {
                throw new SamlRefused("unsigned");
            }
            return;
        }
        if (provider.certificate() == null) {
            throw new SamlRefused("no_certificate");
        }
        List<X509Certificate> certificates = List.of(KeyCertificate.parse(provider.certificate()));
        if (redirect) {
            SamlSignatures.verifyRedirect(rawQuery, parameter, certificates);
        } else {
            SamlSignatures.verifyEnveloped(root, certificates);
        }
    }

    private void fresh(Instant issueInstant) {
        Instant now = clock.instant();
        if (issueInstant.isAfter(now.plus(SKEW))
                || issueInstant.plus(settings.getDuration(Setting.SAML_ASSERTION_VALIDITY)).isBefore(now)) {
            throw new SamlRefused("expired");
        }
    }

    /**
     * Refuses a request ID the provider used already (until it would have expired anyway; {@link FederationPurge}
     * removes the expired IDs).
     */
    private void once(String sp, String requestId, Instant issueInstant) {
        if (em.find(SamlRequestSeen.class, new SamlRequestSeen.Key(sp, requestId)) != null) {
            throw new SamlRefused("replayed");
        }
        em.persist(new SamlRequestSeen(sp, requestId,
                issueInstant.plus(settings.getDuration(Setting.SAML_ASSERTION_VALIDITY)).plus(SKEW)));
        em.flush();
    }

    /** The root element of a message received by either binding (decoded, inflated, parsed within the limits). */
    private static Element received(boolean redirect, String message) {
        byte[] xml = redirect ? SamlXml.fromRedirect(message, SamlXml.Limits.MESSAGE)
                : SamlXml.fromPost(message, SamlXml.Limits.MESSAGE);
        return SamlXml.parse(xml, SamlXml.Limits.MESSAGE).getDocumentElement();
    }

    /** The registered provider that issued a received message; an unknown issuer is refused. */
    private SamlServiceProvider registered(String issuer) {
        return provider(issuer).orElseThrow(() -> new SamlRefused("unknown_sp"));
    }

    private Optional<SamlServiceProvider> provider(String entityId) {
        if (entityId == null || entityId.length() > 500) {
            return Optional.empty();
        }
        return em.createNamedQuery(SamlServiceProvider.BY_ENTITY_ID, SamlServiceProvider.class)
                .setParameter("entityId", entityId).getResultStream().filter(SamlServiceProvider::enabled).findFirst();
    }

    private static String detail(String reason, String sp) {
        String detail = sp == null ? reason : reason + ":sp:" + sp;
        return detail.length() > 250 ? detail.substring(0, 250) : detail;
    }
}
