package fr.ent.portal.federation.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * A provider's LogoutResponse in the front-channel logout chain: accepted only from the provider awaited, signed by
 * it when it signs, answering the request the portal sent, for the portal's logout address (HTTP-Redirect binding, as
 * the providers answer the browser's request; and an enveloped signature by HTTP-POST).
 */
class LogoutResponseCheckTest {

    static final String SP = "https://sp.example/metadata";
    static final String SLO = "https://ent.example/saml/slo";
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static KeyPair sp;
    static String spCertificate;
    static KeyPair stranger;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        sp = generator.generateKeyPair();
        spCertificate = KeyCertificate.base64(KeyCertificate.of("sp", "sp", sp, NOW, "https://sp.example"));
        stranger = generator.generateKeyPair();
    }

    /** A LogoutResponse from {@code issuer} to {@code destination}, answering {@code inResponseTo}. */
    static String xml(String issuer, String destination, String inResponseTo) {
        return SamlXml.write(SamlMessages.logoutResponse(issuer, destination, inResponseTo, NOW));
    }

    /** The HTTP-Redirect query the provider's browser brings back (signed with {@code key}, or not when null). */
    static String query(String xml, PrivateKey key) {
        if (key == null) {
            return "SAMLResponse=" + java.net.URLEncoder.encode(SamlXml.toRedirect(xml), StandardCharsets.UTF_8);
        }
        return SamlSignatures.signedRedirectQuery("SAMLResponse", xml, null, key);
    }

    static String check(String rawQuery, boolean mustSign, String certificate) {
        String message = java.net.URLDecoder.decode(rawQuery.replaceFirst("^SAMLResponse=([^&]*).*$", "$1"),
                StandardCharsets.UTF_8);
        Element root = SamlXml.parse(SamlXml.fromRedirect(message, SamlXml.Limits.MESSAGE), SamlXml.Limits.MESSAGE)
                .getDocumentElement();
        SamlMessages.LogoutResponse response = SamlMessages.LogoutResponse.read(root);
        try {
            LogoutResponseCheck.check(root, response, rawQuery, SP, "_sent", mustSign, certificate, SLO);
            return null;
        } catch (SamlRefused refused) {
            return refused.reason();
        }
    }

    @Test
    void theAwaitedProvidersSignedAnswerToTheRequestSentIsAccepted() {
        assertEquals(null, check(query(xml(SP, SLO, "_sent"), sp.getPrivate()), true, spCertificate));
        assertEquals(null, check(query(xml(SP, SLO, "_sent").replace(" Destination=\"" + SLO + "\"", ""), sp.getPrivate()),
                true, spCertificate), "no destination: allowed");
    }

    @Test
    void forgedUnsignedMisdirectedOrAnotherProvidersAnswersAreRefused() {
        assertEquals("signature_invalid", check(query(xml(SP, SLO, "_sent"), stranger.getPrivate()), true, spCertificate),
                "signed by a stranger");
        assertEquals("unsigned", check(query(xml(SP, SLO, "_sent"), null), true, spCertificate),
                "unsigned, from a provider that signs");
        assertEquals("in_response_to", check(query(xml(SP, SLO, "_another"), sp.getPrivate()), true, spCertificate),
                "the answer to another request");
        assertEquals("issuer", check(query(xml("https://other.example/metadata", SLO, "_sent"), sp.getPrivate()), true,
                spCertificate), "another provider's answer");
        assertEquals("destination", check(query(xml(SP, "https://evil.example/slo", "_sent"), sp.getPrivate()), true,
                spCertificate), "meant for another address");
        assertEquals("no_certificate", check(query(xml(SP, SLO, "_sent"), sp.getPrivate()), false, null));
        String signed = query(xml(SP, SLO, "_sent"), sp.getPrivate());
        assertEquals("signature_invalid", check(signed.replace("SigAlg=", "RelayState=x&SigAlg="), true, spCertificate),
                "a RelayState added after the signature");
    }

    @Test
    void aProviderWithoutCertificateMayAnswerUnsignedAndAnEnvelopedSignatureIsCheckedByPost() {
        assertEquals(null, check(query(xml(SP, SLO, "_sent"), null), false, null));
        var document = SamlMessages.logoutResponse(SP, SLO, "_sent", NOW);
        SamlSignatures.sign(document.getDocumentElement(), stranger.getPrivate(),
                KeyCertificate.of("x", "x", stranger, NOW, "https://evil.example"));
        Element root = SamlXml.parse(SamlXml.write(document).getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE)
                .getDocumentElement();
        SamlMessages.LogoutResponse response = SamlMessages.LogoutResponse.read(root);
        assertEquals("signature_invalid", assertThrows(SamlRefused.class, () -> LogoutResponseCheck.check(root, response,
                null, SP, "_sent", true, spCertificate, SLO)).reason());
        var genuine = SamlMessages.logoutResponse(SP, SLO, "_sent", NOW);
        SamlSignatures.sign(genuine.getDocumentElement(), sp.getPrivate(), KeyCertificate.parse(spCertificate));
        Element good = SamlXml.parse(SamlXml.write(genuine).getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE)
                .getDocumentElement();
        assertDoesNotThrow(() -> LogoutResponseCheck.check(good, SamlMessages.LogoutResponse.read(good), null, SP, "_sent",
                true, spCertificate, SLO));
    }
}
