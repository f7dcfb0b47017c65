package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

import com.onelogin.saml2.authn.AuthnRequest;
import com.onelogin.saml2.authn.AuthnRequestParams;
import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.logout.LogoutRequest;
import com.onelogin.saml2.logout.LogoutRequestParams;
import com.onelogin.saml2.logout.LogoutResponse;
import com.onelogin.saml2.logout.LogoutResponseParams;
import com.onelogin.saml2.settings.IdPMetadataParser;
import com.onelogin.saml2.settings.Metadata;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import com.sun.net.httpserver.HttpServer;

/**
 * Issue 23: the SAML 2.0 identity provider, driven from outside by OneLogin's java-saml (a service-provider library
 * on Apache Santuario, not the portal's code): the region registers two providers from the metadata java-saml writes
 * (a "Médiacentre" with the GAR attributes, signed requests, offered everywhere; a second service with the portal's
 * attributes); u.quillet1 (two children in two establishments; no other class uses this family) starts at the
 * Médiacentre, signs in through the portal's /login, chooses Toulouse first, and the Médiacentre reads Toulouse's UAI;
 * the second service opens without a password (HTTP-POST binding); a key rotation keeps the session and both keys
 * are published; the Médiacentre's LogoutRequest ends the portal session, the browser is sent to the second service
 * with a LogoutRequest (front channel), comes back with its LogoutResponse and goes to the Médiacentre with the
 * portal's; a third service whose logout address takes POST only is told by the server (back channel). Then every bad
 * input of the issue is refused with a page and an audit event, nothing posted; and the logout chain refuses forged,
 * unsigned, misdirected and replayed LogoutResponses, audits them, and goes on.
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamlIT {

    static final String PERSON = "u.quillet1";
    static final String PASSWORD = "Portail#Quillet2026";
    static final String TOULOUSE = "Lycée Pierre-Paul Riquet";
    static final String TOULOUSE_UAI = "0312289V";
    static final String PASSWORD_PROTECTED = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";

    static HttpServer services;
    static String base;
    static final BlockingQueue<String> backChannel = new LinkedBlockingQueue<>();
    static Sp gar;
    static Sp other;
    /** A service whose single logout address takes the HTTP-POST binding only: told by the server. */
    static Sp carnet;
    static Http region;
    static Http family;
    static String idpMetadata;
    static KeyPair stranger;
    static X509Certificate strangerCertificate;

    /** One service provider: its key, its java-saml settings (the IdP part read from the portal's metadata). */
    record Sp(String name, KeyPair key, X509Certificate certificate, Map<String, Object> own, Saml2Settings settings) {

        String entityId() { return settings.getSpEntityId(); }
        String acs() { return settings.getSpAssertionConsumerServiceUrl().toString(); }
        String slo() { return settings.getSpSingleLogoutServiceUrl().toString(); }

        Sp withIdp(String metadata) throws Exception {
            Map<String, Object> values = new HashMap<>(own);
            values.putAll(IdPMetadataParser.parseXML(Util.convertStringToDocument(metadata)));
            return new Sp(name, key, certificate, own, new SettingsBuilder().fromValues(values).build());
        }
    }

    @BeforeAll
    static void twoServiceProvidersRegisteredByTheRegion() throws Exception {
        services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext("/", exchange -> {
            if ("/rp/start".equals(exchange.getRequestURI().getPath()) && rpClientId != null) {
                // an OpenID Connect client's own start address: it sends the browser to the portal's authorization
                exchange.getResponseHeaders().add("Location", Portal.url("/oidc/authorize?response_type=code&scope=openid"
                        + "&client_id=" + rpClientId + "&state=tile&redirect_uri=" + enc(base + "/rp/cb")).toString());
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            if ("POST".equals(exchange.getRequestMethod())) {
                backChannel.add(exchange.getRequestURI().getPath() + "\n"
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        services.start();
        base = "http://127.0.0.1:" + services.getAddress().getPort();
        idpMetadata = new Http().get("/saml/metadata").body();
        gar = sp("mediacentre", true).withIdp(idpMetadata);
        other = sp("cahier", false).withIdp(idpMetadata);
        carnet = sp("carnet", false, Constants.BINDING_HTTP_POST).withIdp(idpMetadata);
        stranger = keyPair();
        strangerCertificate = certificate(stranger, "CN=stranger");

        region = AdminRegionIT.signedIn(AdminRegionIT.REGION, AdminRegionIT.REGION_PASSWORD, "198.51.100.241");
        register(gar, "Médiacentre (test SAML)", List.of("GAR_PERSON_ID", "GAR_ID_ENT", "UAI"), true);
        register(other, "Cahier (test SAML)", List.of("IDENTIFIER", "GIVEN_NAME", "UAI"), false);
        register(carnet, "Carnet (test SAML)", List.of("IDENTIFIER"), false);
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.stop(0);
        }
    }

    @Test
    @Order(1)
    void theMetadataNameTheEntityTheCertificateAndBothBindings() {
        assertTrue(idpMetadata.contains("entityID=\"" + Portal.url("/saml/metadata") + "\""), idpMetadata);
        for (String expected : List.of("SingleSignOnService Binding=\"" + Constants.BINDING_HTTP_REDIRECT,
                "SingleSignOnService Binding=\"" + Constants.BINDING_HTTP_POST, "SingleLogoutService",
                "X509Certificate", "nameid-format:persistent")) {
            assertTrue(idpMetadata.contains(expected), expected);
        }
        assertEquals(Portal.url("/saml/sso").toString(), gar.settings().getIdpSingleSignOnServiceUrl().toString());
    }

    @Test
    @Order(2)
    void theRoundTripThroughThePortalsSignInWithTheChosenEstablishmentThenASecondServiceWithoutPassword()
            throws Exception {
        family = new Http();
        AuthnRequest request = new AuthnRequest(gar.settings(), new AuthnRequestParams(false, false, true));
        HttpResponse<String> toLogin = family.get(redirect("/saml/sso", "SAMLRequest",
                request.getEncodedAuthnRequest(), "back-to-page-1", gar));
        assertEquals(303, toLogin.statusCode(), toLogin.body());
        assertTrue(location(toLogin).endsWith("/login"), location(toLogin));
        HttpResponse<String> signedIn = family.post("/login", Http.loginForm(family.get("/login").body(), PERSON,
                PASSWORD), "X-Forwarded-For", "198.51.100.242");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(location(signedIn).endsWith("/establishments"), "two establishments: choose first");
        String choice = family.get("/establishments").body();
        HttpResponse<String> chosen = family.post("/establishments",
                AdminRegionIT.form(choice, "choice", SingleSignOnIT.chooseButton(choice, TOULOUSE)));
        assertEquals(302, chosen.statusCode(), chosen.body());
        assertTrue(location(chosen).endsWith("/saml/resume"), location(chosen));
        Map<String, String> posted = postForm(family.get("/saml/resume"), gar);
        assertEquals("back-to-page-1", posted.get("RelayState"));

        SamlResponse response = new SamlResponse(gar.settings(),
                new HttpRequest(gar.acs()).addParameter("SAMLResponse", posted.get("SAMLResponse")));
        assertTrue(response.isValid(request.getId()), () -> "java-saml accepts it: " + response.getError());
        Map<String, List<String>> attributes = response.getAttributes();
        assertEquals(List.of(TOULOUSE_UAI), attributes.get("UAI"), "the chosen establishment's UAI");
        assertEquals(List.of(response.getNameId()), attributes.get("GARPersonIdentifiant"));
        assertEquals(Constants.NAMEID_PERSISTENT, response.getNameIdFormat());
        assertFalse(response.getNameId().contains("quillet"), "opaque");
        assertNull(attributes.get("uid"), "only the attributes the region chose");
        // issue 24, item 6: how she signed in (a password)
        assertTrue(response.getSAMLResponseXml().contains(">urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport<"),
                "AuthnContextClassRef of a password sign-in");
        garNameId = response.getNameId();
        garSession = response.getSessionIndex();

        // the second service, HTTP-POST binding, unsigned request (it need not sign): no password asked
        AuthnRequest second = new AuthnRequest(other.settings());
        HttpResponse<String> kept = family.post("/saml/sso", Map.of("SAMLRequest",
                Util.base64encoder(second.getAuthnRequestXml())), "Origin", base);
        assertEquals(303, kept.statusCode(), kept.body());
        assertTrue(location(kept).endsWith("/saml/resume"));
        SamlResponse secondResponse = new SamlResponse(other.settings(), new HttpRequest(other.acs())
                .addParameter("SAMLResponse", postForm(family.get("/saml/resume"), other).get("SAMLResponse")));
        assertTrue(secondResponse.isValid(second.getId()), secondResponse::getError);
        assertEquals(List.of(PERSON), secondResponse.getAttributes().get("uid"));
        assertEquals(List.of("Ulysse"), secondResponse.getAttributes().get("givenName"));
        assertEquals(List.of(TOULOUSE_UAI), secondResponse.getAttributes().get("UAI"));
        assertNotEquals(garNameId, secondResponse.getNameId(), "pairwise: two services, two identifiers");
        otherNameId = secondResponse.getNameId();
    }

    static String garNameId;
    static String garSession;
    static String otherNameId;

    @Test
    @Order(3)
    void aKeyRotationKeepsTheSessionAndPublishesBothCertificates() throws Exception {
        String before = certificates(idpMetadata).get(0);
        String page = region.get("/admin/region/services").body();
        HttpResponse<String> rotated = region.post("/admin/region/services", AdminRegionIT.form(page, "keys", "keys:rotate"));
        assertEquals(302, rotated.statusCode(), rotated.body());
        String after = new Http().get("/saml/metadata").body();
        List<String> published = certificates(after);
        assertEquals(2, published.size(), "the new key is published at once: " + after);
        assertTrue(published.contains(before), "the previous key stays published");
        other = other.withIdp(after);
        gar = gar.withIdp(after);

        // IdP-initiated (the tile's address): the session is still there; the previous key signs until the new one
        // has been published for ent.federation.key-publication-delay (PT3S in the test portal)
        SamlResponse meanwhile = started(other);
        assertTrue(meanwhile.isValid(), meanwhile::getError);
        assertEquals(otherNameId, meanwhile.getNameId(), "persistent: the same identifier again");
        assertTrue(plain(meanwhile.getSAMLResponseXml()).contains(before), "still signed by the previous key");
        Thread.sleep(3_500);
        SamlResponse response = started(other);
        assertTrue(response.isValid(), response::getError);
        assertEquals(otherNameId, response.getNameId());
        String xml = plain(response.getSAMLResponseXml());
        assertFalse(xml.contains(before), "signed by the new key");
        assertTrue(published.stream().anyMatch(xml::contains), "whose certificate the provider read at the rotation");
        assertEquals(published, certificates(new Http().get("/saml/metadata").body()), "both still published, unchanged");
    }

    /** The XML without the line breaks (and their {@code &#13;}) xmlsec puts in a certificate's Base64. */
    static String plain(String xml) {
        return xml.replace("&#13;", "").replaceAll("\\s", "");
    }

    /** The family's IdP-initiated start at the provider: the Response it gets. */
    static SamlResponse started(Sp sp) throws Exception {
        return new SamlResponse(sp.settings(), new HttpRequest(sp.acs()).addParameter("SAMLResponse",
                postForm(family.get("/saml/start?sp=" + URLEncoder.encode(sp.entityId(), StandardCharsets.UTF_8)), sp)
                        .get("SAMLResponse")));
    }

    @Test
    @Order(4)
    void theMediacentresLogoutSendsTheBrowserToTheSecondServiceThenBackAndTheThirdIsToldByTheServer()
            throws Exception {
        String metadata = new Http().get("/saml/metadata").body();
        carnet = carnet.withIdp(metadata);
        open(family, carnet);
        backChannel.clear();
        LogoutRequest logout = new LogoutRequest(gar.settings(), new LogoutRequestParams(garSession, garNameId));
        HttpResponse<String> toSecond = family.get(redirect("/saml/slo", "SAMLRequest",
                logout.getEncodedLogoutRequest(), "after-logout", gar));
        assertEquals(302, toSecond.statusCode(), toSecond.body());
        HttpResponse<String> home = family.get("/home");
        assertTrue(home.statusCode() == 302 || home.statusCode() == 303, "signed out at once: " + home.statusCode());

        // the second service (java-saml) receives the browser's LogoutRequest, signed by the portal, for its NameID
        URI atSecond = URI.create(location(toSecond));
        LogoutRequest received = received(atSecond, other);
        assertEquals(otherNameId, LogoutRequest.getNameId(received.getLogoutRequestXml()));
        String answer = redirect("/saml/slo", "SAMLResponse", logoutResponse(other, idOf(received)), null, other);
        HttpResponse<String> toFirst = family.get(answer);
        assertEquals(302, toFirst.statusCode(), toFirst.body());

        // then the Médiacentre gets its LogoutResponse: Success, to its request
        URI back = URI.create(location(toFirst));
        assertTrue(back.toString().startsWith(gar.slo() + "?"), back.toString());
        assertEquals(List.of("after-logout"), parameters(back.getRawQuery()).get("RelayState"));
        LogoutResponse response = new LogoutResponse(gar.settings(), new HttpRequest(gar.slo(),
                parameters(back.getRawQuery()), back.getRawQuery()));
        assertTrue(response.isValid(logout.getId()), response::getError);
        assertEquals(Constants.STATUS_SUCCESS, response.getStatus());
        assertFalse(response.getLogoutResponseXml().contains("PartialLogout"), response.getLogoutResponseXml());

        // the same answer again: the chain is over (400, audited)
        long refused = auditCount("SAML_LOGOUT_REFUSED");
        HttpResponse<String> replayed = family.get(answer);
        assertEquals(400, replayed.statusCode(), replayed.body());
        assertTrue(replayed.body().contains("id=\"saml-refused\""));
        assertEquals(refused + 1, auditCount("SAML_LOGOUT_REFUSED"));

        // the third service, POST only, is told by the server; the second is not told twice
        String told = backChannel.poll(15, TimeUnit.SECONDS);
        assertNotNull(told, "the third service receives a LogoutRequest");
        assertTrue(told.startsWith("/carnet/slo\n"), told);
        String samlRequest = URLDecoder.decode(told.substring(told.indexOf("SAMLRequest=") + 12), StandardCharsets.UTF_8);
        LogoutRequest byServer = new LogoutRequest(carnet.settings(), new HttpRequest(carnet.slo())
                .addParameter("SAMLRequest", samlRequest));
        assertTrue(byServer.isValid(), byServer::getError);
        Document document = Util.loadXML(byServer.getLogoutRequestXml());
        assertTrue(Util.validateSign(document, all(carnet.settings()), null, "sha256",
                "/samlp:LogoutRequest/ds:Signature"), "the LogoutRequest is signed by the portal");
        assertNull(backChannel.poll(2, TimeUnit.SECONDS), "nothing else posted: " + backChannel);
    }

    @Test
    @Order(5)
    void everyBadRequestGetsAPageAnAuditEventAndNothingPosted() throws Exception {
        Http person = new Http();
        long before = auditCount("SAML_REQUEST_REFUSED");
        List<HttpResponse<String>> refused = new ArrayList<>();

        // unsigned, where the Médiacentre must sign
        AuthnRequest unsigned = new AuthnRequest(gar.settings());
        refused.add(person.get("/saml/sso?SAMLRequest=" + enc(unsigned.getEncodedAuthnRequest())));
        // signed by a key that is not the Médiacentre's
        Sp impostor = new Sp(gar.name(), stranger, strangerCertificate, gar.own(), gar.settings());
        refused.add(person.get(redirect("/saml/sso", "SAMLRequest", new AuthnRequest(gar.settings())
                .getEncodedAuthnRequest(), null, impostor)));
        // an unknown service provider
        String unknown = new AuthnRequest(other.settings()).getAuthnRequestXml()
                .replace(other.entityId() + "</saml:Issuer>", "https://unknown.example/sp</saml:Issuer>");
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder(unknown))));
        // an ACS that is not the registered one
        String evil = "https://evil.example/acs";
        String elsewhere = new AuthnRequest(other.settings()).getAuthnRequestXml()
                .replace("AssertionConsumerServiceURL=\"" + other.acs() + "\"", "AssertionConsumerServiceURL=\"" + evil + "\"");
        assertTrue(elsewhere.contains(evil));
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder(elsewhere))));
        // replayed: the same signed request twice (the first is accepted and kept for the sign-in)
        String once = redirect("/saml/sso", "SAMLRequest", new AuthnRequest(gar.settings()).getEncodedAuthnRequest(),
                null, gar);
        assertEquals(303, person.get(once).statusCode(), "the first time: on to the sign-in");
        refused.add(person.get(once));
        // expired: issued an hour ago
        AuthnRequest old = new AuthnRequest(other.settings());
        String issued = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String expired = old.getAuthnRequestXml().replaceFirst("IssueInstant=\"[^\"]+\"", "IssueInstant=\"" + issued + "\"");
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder(expired))));
        // DTD with an external entity, entity expansion, huge, deeply nested
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + new AuthnRequest(other.settings()).getAuthnRequestXml().replace("</saml:Issuer>", "&x;</saml:Issuer>");
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder(xxe))));
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><l>&b;</l>";
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder(laughs))));
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder("<r>" + "x".repeat(100_000) + "</r>"))));
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder("<a>".repeat(60) + "</a>".repeat(60)))));
        // signature wrapping: the Médiacentre's genuinely signed request inside a forged one that names another ACS
        String genuine = Util.addSign(Util.loadXML(new AuthnRequest(gar.settings()).getAuthnRequestXml()),
                gar.key().getPrivate(), gar.certificate(), Constants.RSA_SHA256);
        String forged = new AuthnRequest(gar.settings()).getAuthnRequestXml()
                .replace("AssertionConsumerServiceURL=\"" + gar.acs() + "\"", "AssertionConsumerServiceURL=\"" + evil + "\"")
                .replace("</samlp:AuthnRequest>", "<samlp:Extensions>" + genuine.replaceFirst("^<\\?xml[^>]*>", "")
                        + "</samlp:Extensions></samlp:AuthnRequest>");
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder(forged))));
        // and the same signed request moved under a forged root carrying its signature and its ID
        String id = Pattern.compile("ID=\"([^\"]+)\"").matcher(genuine).results().findFirst().orElseThrow().group(1);
        String signature = genuine.substring(genuine.indexOf("<ds:Signature"), genuine.indexOf("</ds:Signature>") + 15);
        String sameId = new AuthnRequest(gar.settings()).getAuthnRequestXml()
                .replaceFirst("ID=\"[^\"]+\"", "ID=\"" + id + "\"")
                .replace("AssertionConsumerServiceURL=\"" + gar.acs() + "\"", "AssertionConsumerServiceURL=\"" + evil + "\"")
                .replace("</saml:Issuer>", "</saml:Issuer>" + signature)
                .replace("</samlp:AuthnRequest>", "<samlp:Extensions>" + genuine.replaceFirst("^<\\?xml[^>]*>", "")
                        .replace(signature, "") + "</samlp:Extensions></samlp:AuthnRequest>");
        refused.add(person.post("/saml/sso", Map.of("SAMLRequest", Util.base64encoder(sameId))));

        for (HttpResponse<String> answer : refused) {
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("id=\"saml-refused\""), answer.body());
            assertFalse(answer.body().contains("SAMLResponse"), "nothing posted");
            assertTrue(answer.headers().firstValue("Location").isEmpty());
        }
        assertEquals(before + refused.size(), auditCount("SAML_REQUEST_REFUSED"), "each refusal audited");

        // a LogoutRequest signed by a stranger: refused, audited, nothing ends
        Http signedIn = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.243");
        long logoutBefore = auditCount("SAML_LOGOUT_REFUSED");
        HttpResponse<String> forgedLogout = signedIn.get(redirect("/saml/slo", "SAMLRequest",
                new LogoutRequest(gar.settings(), new LogoutRequestParams(null, garNameId)).getEncodedLogoutRequest(),
                null, impostor));
        assertEquals(400, forgedLogout.statusCode());
        assertEquals(logoutBefore + 1, auditCount("SAML_LOGOUT_REFUSED"));
        assertEquals(200, signedIn.get("/home").statusCode(), "still signed in");
    }

    @Test
    @Order(6)
    void aPassiveRequestWithoutSessionGetsNoPassiveAtTheAcsNeverTheSignInPage() throws Exception {
        Http anonymous = new Http();
        long before = auditCount("SAML_REQUEST_REFUSED");
        AuthnRequest passive = new AuthnRequest(other.settings(), new AuthnRequestParams(false, true, true));
        HttpResponse<String> answer = anonymous.get("/saml/sso?SAMLRequest=" + enc(passive.getEncodedAuthnRequest())
                + "&RelayState=quiet");
        assertEquals(200, answer.statusCode(), () -> "no redirect to the sign-in: "
                + answer.headers().firstValue("Location").orElse(""));
        Map<String, String> posted = postForm(answer, other);
        assertEquals("quiet", posted.get("RelayState"));
        String xml = new String(Base64.getDecoder().decode(posted.get("SAMLResponse")), StandardCharsets.UTF_8);
        assertTrue(xml.contains("urn:oasis:names:tc:SAML:2.0:status:Responder"), xml);
        assertTrue(xml.contains("urn:oasis:names:tc:SAML:2.0:status:NoPassive"), xml);
        assertTrue(xml.contains("InResponseTo=\"" + passive.getId() + "\""), xml);
        assertFalse(xml.contains("Assertion"), "no assertion in a NoPassive answer");
        assertTrue(Util.validateSign(Util.loadXML(xml), other.settings().getIdpx509certMulti() == null
                        ? List.of(other.settings().getIdpx509cert()) : all(other.settings()), null, "sha256",
                "/samlp:Response/ds:Signature"), "the answer is signed by the portal");
        SamlResponse read = new SamlResponse(other.settings(), new HttpRequest(other.acs())
                .addParameter("SAMLResponse", posted.get("SAMLResponse")));
        assertFalse(read.isValid(passive.getId()), "java-saml sees a failed sign-in");
        assertEquals(before + 1, auditCount("SAML_REQUEST_REFUSED"), "audited (no_passive)");
        assertTrue(anonymous.get("/home").statusCode() / 100 == 3, "still not signed in");
    }

    @Test
    @Order(7)
    void forceAuthnAsksThePasswordAgainEvenWithASession() throws Exception {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.244");
        AuthnRequest force = new AuthnRequest(other.settings(), new AuthnRequestParams(true, false, true));
        HttpResponse<String> answer = person.get("/saml/sso?SAMLRequest=" + enc(force.getEncodedAuthnRequest()));
        assertEquals(303, answer.statusCode(), answer.body());
        assertTrue(location(answer).endsWith("/login"), "the password again: " + location(answer));
        HttpResponse<String> again = person.post("/login", Http.loginForm(person.get("/login").body(), PERSON, PASSWORD),
                "X-Forwarded-For", "198.51.100.244");
        assertEquals(302, again.statusCode(), again.body());
        HttpResponse<String> resumed = person.get(location(again).replaceFirst("^https?://[^/]+", ""));
        SamlResponse response = new SamlResponse(other.settings(), new HttpRequest(other.acs())
                .addParameter("SAMLResponse", postForm(resumed, other).get("SAMLResponse")));
        assertTrue(response.isValid(force.getId()), response::getError);
    }

    static volatile String rpClientId;

    @Test
    @Order(8)
    void theHomeTilesOpenCasBySsoSamlByTheIdpInitiatedStartAndOidcByTheClientsStartAddress() throws Exception {
        String toulouse = establishmentId(TOULOUSE_UAI);
        // the registry's forms: a CAS service, an OpenID Connect client with its start address
        String casService = base + "/cas-tile/";
        String page = region.get("/admin/region/services?protocol=CAS").body();
        List<Map.Entry<String, String>> cas = new ArrayList<>(AdminRegionIT.form(page, "cas", "cas:save").entrySet());
        cas.add(Map.entry("cas:establishment", toulouse));
        cas.add(Map.entry("cas:name", "Tuile CAS (test)"));
        cas.add(Map.entry("cas:url", casService));
        cas.add(Map.entry("cas:kind", "PREFIX"));
        cas.add(Map.entry("cas:ssoPattern", casService));
        cas.add(Map.entry("cas:attributes", "IDENTIFIER"));
        cas.add(Map.entry("cas:enabled", "on"));
        HttpResponse<String> casSaved = region.postPairs("/admin/region/services", cas);
        assertEquals(302, casSaved.statusCode(), casSaved.body());

        page = region.get("/admin/region/services?protocol=OIDC").body();
        List<Map.Entry<String, String>> oidc = new ArrayList<>(AdminRegionIT.form(page, "client", "client:save").entrySet());
        oidc.add(Map.entry("client:name", "Tuile OIDC (test)"));
        oidc.add(Map.entry("client:redirectUris", base + "/rp/cb"));
        oidc.add(Map.entry("client:logoutUris", ""));
        oidc.add(Map.entry("client:scopes", "openid"));
        oidc.add(Map.entry("client:uais", TOULOUSE_UAI));
        oidc.add(Map.entry("client:startUrl", base + "/rp/start"));
        oidc.add(Map.entry("client:confidential", "on"));
        oidc.add(Map.entry("client:enabled", "on"));
        HttpResponse<String> oidcSaved = region.postPairs("/admin/region/services", oidc);
        assertEquals(200, oidcSaved.statusCode(), oidcSaved.body());
        rpClientId = OidcIT.shown(oidcSaved.body(), "data-client-id");

        // one list, three protocols, each with the address its tile opens
        String registry = region.get("/admin/region/services").body();
        assertEquals(casService, opensAt(registry, "CAS", casService));
        String samlStart = Portal.url("/saml/start?sp=" + enc(other.entityId())).toString();
        assertEquals(samlStart, opensAt(registry, "SAML", other.entityId()));
        assertEquals(base + "/rp/start", opensAt(registry, "OIDC", rpClientId));

        // the SAML and OIDC tiles are services of the establishment's list pointing at those addresses
        link(toulouse, "Tuile SAML (test)", samlStart);
        link(toulouse, "Tuile OIDC (test)", base + "/rp/start");

        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.245");
        String home = person.get("/home").body();
        String casTile = SingleSignOnIT.tileHref(home, "Tuile CAS (test)");
        assertTrue(casTile.contains("/cas/login?service=" + enc(casService)), casTile);
        HttpResponse<String> ticket = person.get(casTile.replaceFirst("^https?://[^/]+", ""));
        assertEquals(302, ticket.statusCode(), ticket.body());
        assertTrue(location(ticket).startsWith(casService + "?ticket=ST-"), location(ticket));

        String samlTile = SingleSignOnIT.tileHref(home, "Tuile SAML (test)");
        assertEquals(samlStart, samlTile);
        SamlResponse opened = new SamlResponse(other.settings(), new HttpRequest(other.acs()).addParameter(
                "SAMLResponse", postForm(person.get(samlTile.replaceFirst("^https?://[^/]+", "")), other)
                        .get("SAMLResponse")));
        assertTrue(opened.isValid(), opened::getError);
        assertEquals(List.of(TOULOUSE_UAI), opened.getAttributes().get("UAI"));

        String oidcTile = SingleSignOnIT.tileHref(home, "Tuile OIDC (test)");
        assertEquals(base + "/rp/start", oidcTile);
        HttpResponse<String> atTheClient = person.get(URI.create(oidcTile));
        assertEquals(302, atTheClient.statusCode());
        HttpResponse<String> authorized = person.get(location(atTheClient).replaceFirst("^https?://[^/]+", ""));
        assertEquals(302, authorized.statusCode(), authorized.body());
        assertTrue(location(authorized).startsWith(base + "/rp/cb?code="), location(authorized));
        assertTrue(location(authorized).contains("state=tile"), location(authorized));
    }

    @Test
    @Order(9)
    void theLogoutChainRefusesForgedUnsignedMisdirectedAndReplayedAnswersAuditsThemAndGoesOn() throws Exception {
        long refusedBefore = auditCount("SAML_LOGOUT_REFUSED");
        Sp impostor = new Sp(gar.name(), stranger, strangerCertificate, gar.own(), gar.settings());

        // the portal's sign-out with sessions at both services: the browser goes to the Médiacentre first
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.246");
        open(person, gar);
        open(person, other);
        HttpResponse<String> out = person.post("/logout", Map.of(), "X-Forwarded-For", "198.51.100.246");
        assertEquals(302, out.statusCode(), out.body());
        LogoutRequest atGar = received(URI.create(location(out)), gar);
        // its answer forged by a stranger: refused, the chain goes on to the second service
        HttpResponse<String> forged = person.get(redirect("/saml/slo", "SAMLResponse",
                logoutResponse(gar, idOf(atGar)), null, impostor));
        assertEquals(302, forged.statusCode(), forged.body());
        LogoutRequest atOther = received(URI.create(location(forged)), other);
        // an unsigned answer (the second service has a certificate: it must sign): refused, the chain ends
        HttpResponse<String> unsigned = person.get("/saml/slo?SAMLResponse=" + enc(logoutResponse(other, idOf(atOther))));
        assertEquals(302, unsigned.statusCode(), unsigned.body());
        assertTrue(location(unsigned).endsWith("/login?signedOut=true"), location(unsigned));
        assertEquals(refusedBefore + 2, auditCount("SAML_LOGOUT_REFUSED"), "forged, unsigned");

        // again: an answer to another request, then the right one, then that one again
        person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.247");
        open(person, gar);
        open(person, other);
        out = person.post("/logout", Map.of(), "X-Forwarded-For", "198.51.100.247");
        atGar = received(URI.create(location(out)), gar);
        HttpResponse<String> misdirected = person.get(redirect("/saml/slo", "SAMLResponse",
                logoutResponse(gar, "_another" + idOf(atGar).substring(1)), null, gar));
        atOther = received(URI.create(location(misdirected)), other);
        String right = redirect("/saml/slo", "SAMLResponse", logoutResponse(other, idOf(atOther)), null, other);
        HttpResponse<String> done = person.get(right);
        assertTrue(location(done).endsWith("/login?signedOut=true"), location(done));
        HttpResponse<String> replayed = person.get(right);
        assertEquals(400, replayed.statusCode(), replayed.body());
        assertEquals(refusedBefore + 4, auditCount("SAML_LOGOUT_REFUSED"), "another InResponseTo, replayed");
        assertTrue(person.get("/home").statusCode() / 100 == 3, "signed out");
    }

    @Test
    @Order(10)
    void aRequestedAuthnContextThePasswordCannotMeetGetsNoAuthnContextAndMinimumGetsTheClassAsked() throws Exception {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.248");
        long before = auditCount("SAML_REQUEST_REFUSED");
        AuthnRequest twoFactors = new AuthnRequest(withContext(other, "exact", "https://refeds.org/profile/mfa"));
        Map<String, String> posted = postForm(person.get("/saml/sso?SAMLRequest="
                + enc(twoFactors.getEncodedAuthnRequest())), other);
        String xml = new String(Base64.getDecoder().decode(posted.get("SAMLResponse")), StandardCharsets.UTF_8);
        assertTrue(xml.contains("urn:oasis:names:tc:SAML:2.0:status:Responder"), xml);
        assertTrue(xml.contains("urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext"), xml);
        assertTrue(xml.contains("InResponseTo=\"" + twoFactors.getId() + "\""), xml);
        assertFalse(xml.contains("Assertion"), "no assertion");
        assertTrue(Util.validateSign(Util.loadXML(xml), all(other.settings()), null, "sha256",
                "/samlp:Response/ds:Signature"), "signed by the portal");
        assertEquals(before + 1, auditCount("SAML_REQUEST_REFUSED"), "audited (no_authn_context)");

        Saml2Settings minimum = withContext(other, "minimum", PASSWORD_PROTECTED);
        AuthnRequest atLeastAPassword = new AuthnRequest(minimum);
        SamlResponse response = new SamlResponse(minimum, new HttpRequest(other.acs()).addParameter("SAMLResponse",
                postForm(person.get("/saml/sso?SAMLRequest=" + enc(atLeastAPassword.getEncodedAuthnRequest())), other)
                        .get("SAMLResponse")));
        assertTrue(response.isValid(atLeastAPassword.getId()), response::getError);
        assertTrue(response.getSAMLResponseXml().contains(">" + PASSWORD_PROTECTED + "<"));
    }

    /** The provider's settings, asking for these authentication context classes with this comparison. */
    static Saml2Settings withContext(Sp sp, String comparison, String... classes) throws Exception {
        Map<String, Object> values = new HashMap<>(sp.own());
        values.putAll(IdPMetadataParser.parseXML(Util.convertStringToDocument(new Http().get("/saml/metadata").body())));
        values.put("onelogin.saml2.security.requested_authncontext", String.join(",", classes));
        values.put("onelogin.saml2.security.requested_authncontextcomparison", comparison);
        return new SettingsBuilder().fromValues(values).build();
    }

    @Test
    @Order(11)
    void aLogoutResponsePostedFromTheProvidersSiteIsPostedAgainFromThePortalSoTheChainsCookieComesAlong()
            throws Exception {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.249");
        open(person, other);
        HttpResponse<String> out = person.post("/logout", Map.of(), "X-Forwarded-For", "198.51.100.249");
        LogoutRequest atOther = received(URI.create(location(out)), other);
        // the provider answers by HTTP-POST (enveloped signature); from its site the browser brings no SameSite=Lax cookie
        String xml = new LogoutResponse(other.settings(), new LogoutResponseParams(idOf(atOther), Constants.STATUS_SUCCESS))
                .getLogoutResponseXml();
        String signed = Util.addSign(Util.loadXML(xml), other.key().getPrivate(), other.certificate(), Constants.RSA_SHA256);
        String answer = Util.base64encoder(signed);
        long refused = auditCount("SAML_LOGOUT_REFUSED");
        HttpResponse<String> page = new Http().post("/saml/slo", Map.of("SAMLResponse", answer), "Origin", base);
        assertEquals(200, page.statusCode(), page.body());
        Matcher action = Pattern.compile("<form id=\"saml-post\" method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(action.find(), page.body());
        assertEquals(Portal.url("/saml/slo").toString(), action.group(1));
        assertTrue(page.body().contains("value=\"" + answer + "\""), "the same answer, posted again");
        // posted again from the portal's page: same site, the chain's cookie comes along, the chain ends
        String portal = Portal.url("/").toString().replaceFirst("/$", "");
        HttpResponse<String> done = person.post("/saml/slo", Map.of("SAMLResponse", answer), "Origin", portal);
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(location(done).endsWith("/login?signedOut=true"), location(done));
        assertEquals(refused, auditCount("SAML_LOGOUT_REFUSED"), "confirmed, nothing refused");
    }

    @Test
    @Order(12)
    void whenTheSecondServiceDoesNotConfirmTheMediacentreGetsPartialLogout() throws Exception {
        Http person = AdminRegionIT.signedIn(PERSON, PASSWORD, "198.51.100.250");
        SamlResponse atGar = new SamlResponse(gar.settings(), new HttpRequest(gar.acs()).addParameter("SAMLResponse",
                postForm(person.get("/saml/start?sp=" + enc(gar.entityId())), gar).get("SAMLResponse")));
        assertTrue(atGar.isValid(), atGar::getError);
        open(person, other);
        LogoutRequest logout = new LogoutRequest(gar.settings(),
                new LogoutRequestParams(atGar.getSessionIndex(), atGar.getNameId()));
        HttpResponse<String> toOther = person.get(redirect("/saml/slo", "SAMLRequest", logout.getEncodedLogoutRequest(),
                null, gar));
        LogoutRequest atOther = received(URI.create(location(toOther)), other);
        // the second service's answer comes back unsigned: refused, the chain goes on to its end
        HttpResponse<String> back = person.get("/saml/slo?SAMLResponse=" + enc(logoutResponse(other, idOf(atOther))));
        URI toGar = URI.create(location(back));
        assertTrue(toGar.toString().startsWith(gar.slo() + "?"), toGar.toString());
        LogoutResponse response = new LogoutResponse(gar.settings(), new HttpRequest(gar.slo(),
                parameters(toGar.getRawQuery()), toGar.getRawQuery()));
        assertTrue(response.isValid(logout.getId()), response::getError);
        assertEquals(Constants.STATUS_SUCCESS, response.getStatus());
        assertTrue(response.getLogoutResponseXml().contains("urn:oasis:names:tc:SAML:2.0:status:PartialLogout"),
                response.getLogoutResponseXml());
    }

    /** Opens a session at the provider by the IdP-initiated start (java-saml accepts the Response). */
    static void open(Http person, Sp sp) throws Exception {
        SamlResponse opened = new SamlResponse(sp.settings(), new HttpRequest(sp.acs()).addParameter("SAMLResponse",
                postForm(person.get("/saml/start?sp=" + enc(sp.entityId())), sp).get("SAMLResponse")));
        assertTrue(opened.isValid(), opened::getError);
    }

    /** The LogoutRequest the browser brings to the provider's SLO address, as java-saml reads and checks it. */
    static LogoutRequest received(URI at, Sp sp) {
        assertTrue(at.toString().startsWith(sp.slo() + "?"), at.toString());
        assertTrue(parameters(at.getRawQuery()).containsKey("Signature"), "signed (query signature)");
        LogoutRequest received = new LogoutRequest(sp.settings(), new HttpRequest(sp.slo(),
                parameters(at.getRawQuery()), at.getRawQuery()));
        assertTrue(received.isValid(), received::getError);
        return received;
    }

    static String idOf(LogoutRequest request) {
        Matcher id = Pattern.compile("\\sID=\"([^\"]+)\"").matcher(request.getLogoutRequestXml());
        assertTrue(id.find(), request.getLogoutRequestXml());
        return id.group(1);
    }

    /** The provider's LogoutResponse (java-saml), Success, for the redirect binding (deflated, Base64). */
    static String logoutResponse(Sp sp, String inResponseTo) throws Exception {
        return new LogoutResponse(sp.settings(), new LogoutResponseParams(inResponseTo, Constants.STATUS_SUCCESS))
                .getEncodedLogoutResponse();
    }

    static String establishmentId(String uai) {
        Matcher id = Pattern.compile("data-uai=\"" + uai + "\" data-id=\"(\\d+)\"")
                .matcher(region.get("/admin/region/establishments").body());
        assertTrue(id.find(), uai);
        return id.group(1);
    }

    /** The "opens" cell of the registry's row for this protocol and address. */
    static String opensAt(String registry, String protocol, String address) {
        Matcher row = Pattern.compile("<tr data-protocol=\"" + protocol + "\" data-id=\"\\d+\" data-address=\""
                + Pattern.quote(address) + "\"[\\s\\S]*?<code class=\"opens-at\">([^<]*)</code>").matcher(registry);
        assertTrue(row.find(), protocol + " " + address + " in " + registry);
        return row.group(1).replace("&amp;", "&");
    }

    /** A plain link in an establishment's list of services (its tile opens the address as it is). */
    static void link(String establishmentId, String name, String url) {
        String path = "/admin/region/establishments?id=" + establishmentId;
        List<Map.Entry<String, String>> fields = new ArrayList<>(
                AdminRegionIT.form(region.get(path).body(), "service", "service:save").entrySet());
        fields.add(Map.entry("service:name", name));
        fields.add(Map.entry("service:url", url));
        fields.add(Map.entry("service:enabled", "on"));
        fields.add(Map.entry("service:ssoKind", ""));
        HttpResponse<String> saved = region.postPairs(path, fields);
        assertEquals(302, saved.statusCode(), saved.body());
    }

    // ---- the service providers' side --------------------------------------------------------------------------

    static Sp sp(String name, boolean signs) throws Exception {
        return sp(name, signs, Constants.BINDING_HTTP_REDIRECT);
    }

    static Sp sp(String name, boolean signs, String logoutBinding) throws Exception {
        KeyPair key = keyPair();
        X509Certificate certificate = certificate(key, "CN=" + name);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("onelogin.saml2.strict", true);
        values.put("onelogin.saml2.sp.entityid", base + "/" + name + "/metadata");
        values.put("onelogin.saml2.sp.assertion_consumer_service.url", base + "/" + name + "/acs");
        values.put("onelogin.saml2.sp.single_logout_service.url", base + "/" + name + "/slo");
        values.put("onelogin.saml2.sp.single_logout_service.binding", logoutBinding);
        values.put("onelogin.saml2.sp.nameidformat", Constants.NAMEID_PERSISTENT);
        values.put("onelogin.saml2.sp.x509cert", pem("CERTIFICATE", certificate.getEncoded()));
        values.put("onelogin.saml2.sp.privatekey", pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        values.put("onelogin.saml2.security.authnrequest_signed", signs);
        values.put("onelogin.saml2.security.logoutrequest_signed", true);
        values.put("onelogin.saml2.security.want_assertions_signed", true);
        values.put("onelogin.saml2.security.want_messages_signed", signs);
        values.put("onelogin.saml2.security.signature_algorithm", Constants.RSA_SHA256);
        values.put("onelogin.saml2.security.want_xml_validation", true);
        return new Sp(name, key, certificate, values, null);
    }

    /** Registers the provider with the metadata java-saml writes for it, through the region's form. */
    static void register(Sp sp, String name, List<String> attributes, boolean signedRequests) throws Exception {
        String metadata = new Metadata(sp.settings()).getMetadataString();
        String page = region.get("/admin/region/services?protocol=SAML").body();
        Map<String, String> hidden = AdminRegionIT.form(page, "provider", "provider:save");
        Matcher file = Pattern.compile("type=\"file\"[^>]*name=\"([^\"]+)\"|name=\"([^\"]+)\"[^>]*type=\"file\"").matcher(page);
        assertTrue(file.find(), page);
        String fileField = file.group(1) != null ? file.group(1) : file.group(2);
        List<Map.Entry<String, String>> fields = new ArrayList<>(hidden.entrySet());
        fields.add(Map.entry("provider:name", name));
        attributes.forEach(a -> fields.add(Map.entry("provider:attributes", a)));
        fields.add(Map.entry("provider:uais", ""));
        if (signedRequests) {
            fields.add(Map.entry("provider:signedRequests", "on"));
        }
        fields.add(Map.entry("provider:singleLogout", "on"));
        fields.add(Map.entry("provider:enabled", "on"));
        String boundary = "----saml" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"metadata.xml\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(metadata.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> saved = region.postBytes("/admin/region/services", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
        assertEquals(302, saved.statusCode(), saved.body());
        String registry = region.get("/admin/region/services").body();
        assertTrue(registry.contains("data-protocol=\"SAML\"") && registry.contains("data-address=\"" + sp.entityId() + "\""),
                registry);
    }

    /** A redirect-binding address, its query signed with the provider's key as the binding says. */
    static String redirect(String path, String parameter, String encoded, String relayState, Sp sp) throws Exception {
        String query = parameter + "=" + enc(encoded) + (relayState == null ? "" : "&RelayState=" + enc(relayState))
                + "&SigAlg=" + enc(Constants.RSA_SHA256);
        byte[] signature = Util.sign(query, sp.key().getPrivate(), Constants.RSA_SHA256);
        return path + "?" + query + "&Signature=" + enc(Util.base64encoder(signature));
    }

    /** The HTTP-POST binding's form: its action must be the provider's ACS; its fields. */
    static Map<String, String> postForm(HttpResponse<String> page, Sp sp) {
        assertEquals(200, page.statusCode(), page.body());
        Matcher action = Pattern.compile("<form id=\"saml-post\" method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
        assertTrue(action.find(), page.body());
        assertEquals(sp.acs(), action.group(1).replace("&amp;", "&"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("form-action 'self' " + base));
        Map<String, String> fields = new HashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page.body());
        while (input.find()) {
            fields.put(input.group(1), input.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">"));
        }
        return fields;
    }

    static List<String> certificates(String metadata) {
        return Pattern.compile("<ds:X509Certificate>([^<]+)</ds:X509Certificate>").matcher(metadata).results()
                .map(m -> m.group(1)).toList();
    }

    static List<X509Certificate> all(Saml2Settings settings) {
        List<X509Certificate> certificates = new ArrayList<>(settings.getIdpx509certMulti());
        if (settings.getIdpx509cert() != null) {
            certificates.add(settings.getIdpx509cert());
        }
        return certificates;
    }

    static Map<String, List<String>> parameters(String rawQuery) {
        Map<String, List<String>> parameters = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            parameters.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static X509Certificate certificate(KeyPair key, String name) throws Exception {
        X500Name subject = new X500Name(name);
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), subject, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type + "-----";
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: "
                + answer.statusCode() + " " + answer.body()));
    }

    static long auditCount(String type) {
        HttpResponse<String> page = region.get("/admin/audit?type=" + type);
        assertEquals(200, page.statusCode(), page.body());
        Matcher count = Pattern.compile("data-count=\"(\\d+)\"").matcher(page.body());
        assertTrue(count.find(), page.body());
        return Long.parseLong(count.group(1));
    }
}
