package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SAML IdP's defences without a server: hardened parsing (DTD, external entities, entity expansion, size, depth,
 * DEFLATE bombs), XML signatures made and checked by Santuario with the signature-wrapping rules, the HTTP-Redirect
 * binding's query signature, and the service-provider metadata reader.
 */
class SamlSecurityTest {

    static KeyPair sp;
    static X509Certificate spCertificate;
    static KeyPair stranger;
    static X509Certificate strangerCertificate;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        sp = generator.generateKeyPair();
        spCertificate = KeyCertificate.of("sp1", "sp1", sp, Instant.parse("2026-01-01T00:00:00Z"), "https://sp.example");
        stranger = generator.generateKeyPair();
        strangerCertificate = KeyCertificate.of("x", "x", stranger, Instant.parse("2026-01-01T00:00:00Z"), "https://evil.example");
    }

    static String authnRequest(String id) {
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\" "
                + "IssueInstant=\"2026-12-07T01:00:00Z\" AssertionConsumerServiceURL=\"https://sp.example/acs\">"
                + "<saml:Issuer>https://sp.example</saml:Issuer></samlp:AuthnRequest>";
    }

    static Element signed(String id) {
        Element root = SamlXml.parse(authnRequest(id).getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE)
                .getDocumentElement();
        SamlSignatures.sign(root, sp.getPrivate(), spCertificate);
        return root;
    }

    static Element reparse(Element element) {
        return SamlXml.parse(SamlXml.write(element.getOwnerDocument()).getBytes(StandardCharsets.UTF_8),
                SamlXml.Limits.MESSAGE).getDocumentElement();
    }

    static String reason(Runnable action) {
        return assertThrows(SamlRefused.class, action::run).reason();
    }

    // ---- parsing ------------------------------------------------------------------------------------------------

    @Test
    void doctypeExternalEntitiesAndEntityExpansionAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:AuthnRequest>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>";
        String parameter = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x.dtd\"> %p;]><r/>";
        for (String hostile : List.of(xxe, laughs, parameter)) {
            assertEquals("doctype", reason(() -> SamlXml.parse(hostile.getBytes(StandardCharsets.UTF_8),
                    SamlXml.Limits.MESSAGE)));
        }
    }

    @Test
    void hugeDeepAndManyElementDocumentsAreRefused() {
        byte[] huge = ("<r>" + "a".repeat(70_000) + "</r>").getBytes(StandardCharsets.UTF_8);
        assertEquals("too_large", reason(() -> SamlXml.parse(huge, SamlXml.Limits.MESSAGE)));
        String deep = "<a>".repeat(30) + "</a>".repeat(30);
        assertEquals("too_deep", reason(() -> SamlXml.parse(deep.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE)));
        String many = "<r>" + "<a/>".repeat(500) + "</r>";
        assertEquals("too_many_elements", reason(() -> SamlXml.parse(many.getBytes(StandardCharsets.UTF_8),
                SamlXml.Limits.MESSAGE)));
        // a DEFLATE bomb: 10 MB of spaces compress to a few kB; inflating stops at the limit
        String bomb = SamlXml.toRedirect("<r>" + " ".repeat(10_000_000) + "</r>");
        assertTrue(bomb.length() < 64 * 1024);
        assertEquals("too_large", reason(() -> SamlXml.fromRedirect(bomb, SamlXml.Limits.MESSAGE)));
        assertEquals("not_base64", reason(() -> SamlXml.fromPost("%%%", SamlXml.Limits.MESSAGE)));
    }

    @Test
    void redirectEncodingRoundTrips() {
        String xml = authnRequest("_r1");
        assertArrayEquals(xml.getBytes(StandardCharsets.UTF_8),
                SamlXml.fromRedirect(SamlXml.toRedirect(xml), SamlXml.Limits.MESSAGE));
    }

    // ---- enveloped signatures -----------------------------------------------------------------------------------

    @Test
    void aSignedRequestVerifiesAndATamperedOrStrangersOneDoesNot() {
        Element root = reparse(signed("_ok"));
        assertDoesNotThrow(() -> SamlSignatures.verifyEnveloped(root, List.of(spCertificate)));
        assertEquals("signature_invalid", reason(() -> SamlSignatures.verifyEnveloped(reparse(signed("_k")),
                List.of(strangerCertificate))));
        Element tampered = reparse(signed("_t"));
        tampered.setAttribute("AssertionConsumerServiceURL", "https://evil.example/acs");
        assertEquals("signature_invalid", reason(() -> SamlSignatures.verifyEnveloped(tampered, List.of(spCertificate))));
        Element unsigned = SamlXml.parse(authnRequest("_u").getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE)
                .getDocumentElement();
        assertFalse(SamlSignatures.signed(unsigned));
        assertEquals("unsigned", reason(() -> SamlSignatures.verifyEnveloped(unsigned, List.of(spCertificate))));
    }

    @Test
    void signatureWrappingVariantsAreRefused() {
        // 1. the genuine signed request hidden inside a forged root with another ID (the forged ACS is what a naive
        //    reader would use): the signature's reference is not the root's ID
        Element genuine = reparse(signed("_genuine"));
        String genuineXml = SamlXml.write(genuine);
        String forgedRoot = authnRequest("_forged").replace("https://sp.example/acs", "https://evil.example/acs")
                .replace("</samlp:AuthnRequest>", "<samlp:Extensions>" + genuineXml + "</samlp:Extensions></samlp:AuthnRequest>");
        Element wrapped = SamlXml.parse(forgedRoot.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE)
                .getDocumentElement();
        assertEquals("unsigned", reason(() -> SamlSignatures.verifyEnveloped(wrapped, List.of(spCertificate))));

        // 2. the forged root carries the genuine signature and the same ID, the signed original hidden inside: the
        //    ID appears twice
        Document document = genuine.getOwnerDocument();
        Element signature = SamlXml.child(genuine, SamlXml.DSIG, "Signature");
        String sameId = authnRequest("_genuine").replace("https://sp.example/acs", "https://evil.example/acs")
                .replace("</saml:Issuer>", "</saml:Issuer>" + SamlXml.write(signature))
                .replace("</samlp:AuthnRequest>", "<samlp:Extensions>" + genuineXml.replaceFirst(
                        "<ds:Signature[\\s\\S]*</ds:Signature>", "") + "</samlp:Extensions></samlp:AuthnRequest>");
        Element duplicated = SamlXml.parse(sameId.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE)
                .getDocumentElement();
        assertEquals("signature_wrapping", reason(() -> SamlSignatures.verifyEnveloped(duplicated, List.of(spCertificate))));

        // 3. two signatures on the root
        String twice = genuineXml.replace("</samlp:AuthnRequest>", SamlXml.write(signature) + "</samlp:AuthnRequest>");
        Element two = SamlXml.parse(twice.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE).getDocumentElement();
        assertEquals("signature_wrapping", reason(() -> SamlSignatures.verifyEnveloped(two, List.of(spCertificate))));

        // 4. a root whose ID differs from the signed reference (the signature moved onto another request)
        String moved = authnRequest("_other").replace("</saml:Issuer>", "</saml:Issuer>" + SamlXml.write(signature));
        Element other = SamlXml.parse(moved.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE).getDocumentElement();
        assertEquals("signature_wrapping", reason(() -> SamlSignatures.verifyEnveloped(other, List.of(spCertificate))));
        assertTrue(document != null);
    }

    // ---- HTTP-Redirect binding ----------------------------------------------------------------------------------

    @Test
    void redirectQuerySignaturesAreCheckedOverTheReceivedOctets() {
        String query = SamlSignatures.signedRedirectQuery("SAMLRequest", authnRequest("_q"), "state-1", sp.getPrivate());
        assertDoesNotThrow(() -> SamlSignatures.verifyRedirect(query, "SAMLRequest", List.of(spCertificate)));
        assertEquals("signature_invalid", reason(() -> SamlSignatures.verifyRedirect(query, "SAMLRequest",
                List.of(strangerCertificate))));
        assertEquals("signature_invalid", reason(() -> SamlSignatures.verifyRedirect(
                query.replace("RelayState=state-1", "RelayState=state-2"), "SAMLRequest", List.of(spCertificate))));
        assertEquals("signature_algorithm", reason(() -> SamlSignatures.verifyRedirect(query.replace(
                "rsa-sha256", "rsa-sha1").replace("xmldsig-more%23rsa-sha1", "xmldsig%23rsa-sha1"), "SAMLRequest",
                List.of(spCertificate))));
        assertEquals("unsigned", reason(() -> SamlSignatures.verifyRedirect(query.substring(0, query.indexOf("&Signature=")),
                "SAMLRequest", List.of(spCertificate))));
        assertEquals("duplicate_parameter", reason(() -> SamlSignatures.verifyRedirect(query + "&RelayState=x",
                "SAMLRequest", List.of(spCertificate))));
    }

    // ---- messages and metadata ----------------------------------------------------------------------------------

    /** Issue 24, item 6: the assertion says how the person signed in. */
    @Test
    void theAuthnContextClassSaysHowThePersonSignedIn() {
        assertEquals(SamlMessages.PASSWORD_PROTECTED, SamlMessages.authnContextClass("pwd"));
        assertEquals(SamlMessages.REFEDS_MFA, SamlMessages.authnContextClass("mfa"));
        assertEquals(SamlMessages.REFEDS_MFA, SamlMessages.authnContextClass("hwk"));
        assertEquals(SamlMessages.PREVIOUS_SESSION, SamlMessages.authnContextClass("device"));
    }

    @Test
    void theResponseSaysWhoForWhomAndUntilWhenAndItsSignaturesVerify() throws Exception {
        Instant now = Instant.parse("2026-12-07T01:00:00Z");
        Document response = SamlMessages.response("https://ent.example/saml/metadata", "https://sp.example",
                "https://sp.example/acs", "_req1", new SamlMessages.Subject("opaque", SamlMessages.PERSISTENT, "_s1",
                        now, SamlMessages.authnContextClass("hwk"), Map.of("UAI", List.of("0312289V"))), now,
                Duration.ofMinutes(5));
        SamlSignatures.sign(SamlMessages.assertionOf(response), sp.getPrivate(), spCertificate);
        SamlSignatures.sign(response.getDocumentElement(), sp.getPrivate(), spCertificate);
        String xml = SamlXml.write(response);
        for (String expected : List.of("InResponseTo=\"_req1\"", "Recipient=\"https://sp.example/acs\"",
                "<saml:Audience>https://sp.example</saml:Audience>", "NotOnOrAfter=\"2026-12-07T01:05:00Z\"",
                "Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"", "rsa-sha256", ">0312289V<",
                "<saml:AuthnContextClassRef>https://refeds.org/profile/mfa</saml:AuthnContextClassRef>")) {
            assertTrue(xml.contains(expected), expected + " in " + xml);
        }
        Element root = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE).getDocumentElement();
        assertDoesNotThrow(() -> SamlSignatures.verifyEnveloped(root, List.of(spCertificate)));
        Element assertion = SamlXml.child(root, SamlXml.ASSERTION, "Assertion");
        assertDoesNotThrow(() -> SamlSignatures.verifyEnveloped(assertion, List.of(spCertificate)),
                "the assertion's own signature verifies in place");
    }

    @Test
    void metadataGiveTheEntityTheAcsTheLogoutAddressAndTheCertificate() throws Exception {
        String certificate = KeyCertificate.base64(spCertificate);
        String metadata = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://sp.example\">"
                + "<md:SPSSODescriptor AuthnRequestsSigned=\"true\" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:X509Data>"
                + "<ds:X509Certificate>" + certificate + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://sp.example/slo\"/>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact\" Location=\"https://sp.example/art\" index=\"0\"/>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://sp.example/acs\" index=\"1\"/>"
                + "</md:SPSSODescriptor></md:EntityDescriptor>";
        SpMetadata read = SpMetadata.read(metadata);
        assertEquals(new SpMetadata("https://sp.example", "https://sp.example/acs", "https://sp.example/slo", true,
                certificate, true), read);
        assertFalse(SpMetadata.read(metadata.replace("HTTP-Redirect\" Location", "HTTP-POST\" Location")).sloRedirect(),
                "a POST-only logout address: back-channel");
        assertEquals("metadata_not_sp", reason(() -> SpMetadata.read(metadata.replace("SPSSODescriptor", "IDPSSODescriptor"))));
        assertEquals("doctype", reason(() -> SpMetadata.read("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + metadata.replace("https://sp.example/slo", "&e;"))));
    }

    @Test
    void aKeysCertificateIsTheSameOnEveryNode() throws Exception {
        X509Certificate again = KeyCertificate.of("sp1", "sp1", sp, Instant.parse("2026-01-01T00:00:00Z"), "https://sp.example");
        assertArrayEquals(spCertificate.getEncoded(), again.getEncoded());
        assertEquals(sp.getPublic(), spCertificate.getPublicKey());
        assertEquals(spCertificate, KeyCertificate.parse("-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(spCertificate.getEncoded()) + "\n-----END CERTIFICATE-----"));
    }

    @Test
    void aPendingRequestSurvivesItsCookieForm() {
        SamlPending pending = new SamlPending("https://sp.example", "_id.1", "relay.state/é", true, false);
        assertEquals(pending, SamlPending.decode(pending.encode()).orElseThrow());
        SamlPending passive = new SamlPending("https://sp.example", "_id.2", null, false, true);
        assertEquals(passive, SamlPending.decode(passive.encode()).orElseThrow());
        assertTrue(SamlPending.decode("x.y").isEmpty());
    }

    @Test
    void aNoPassiveAnswerCarriesBothStatusCodesAndNoAssertion() throws Exception {
        org.w3c.dom.Document failure = SamlMessages.failure("https://ent.example/saml/metadata",
                "https://sp.example/acs", "_req1", SamlMessages.NO_PASSIVE, java.time.Instant.parse("2026-12-07T08:00:00Z"));
        String xml = SamlXml.write(failure);
        assertTrue(xml.contains("Destination=\"https://sp.example/acs\""), xml);
        assertTrue(xml.contains("InResponseTo=\"_req1\""), xml);
        org.w3c.dom.Element root = SamlXml.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SamlXml.Limits.MESSAGE).getDocumentElement();
        org.w3c.dom.Element top = SamlXml.child(SamlXml.child(root, SamlXml.PROTOCOL, "Status"), SamlXml.PROTOCOL,
                "StatusCode");
        assertEquals(SamlMessages.RESPONDER, top.getAttribute("Value"));
        assertEquals(SamlMessages.NO_PASSIVE, SamlXml.child(top, SamlXml.PROTOCOL, "StatusCode").getAttribute("Value"));
        assertEquals(null, SamlXml.child(root, SamlXml.ASSERTION, "Assertion"));
    }

    @Test
    void aLogoutResponseSaysPartialLogoutUnderSuccessWhenAProviderDidNotConfirm() {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");
        for (boolean partial : List.of(false, true)) {
            String xml = SamlXml.write(SamlMessages.logoutResponse("https://ent.example/saml/metadata",
                    "https://sp.example/slo", "_req1", partial, now));
            Element root = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE).getDocumentElement();
            SamlMessages.LogoutResponse read = SamlMessages.LogoutResponse.read(root);
            assertTrue(read.success(), xml);
            assertEquals("_req1", read.inResponseTo());
            assertEquals("https://sp.example/slo", read.destination());
            assertEquals(now, read.issueInstant());
            Element top = SamlXml.child(SamlXml.child(root, SamlXml.PROTOCOL, "Status"), SamlXml.PROTOCOL, "StatusCode");
            Element second = SamlXml.child(top, SamlXml.PROTOCOL, "StatusCode");
            assertEquals(partial ? SamlMessages.PARTIAL_LOGOUT : null, second == null ? null : second.getAttribute("Value"));
        }
    }
}
