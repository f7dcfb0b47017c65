package fr.ent.portal.federation.control;

import static fr.ent.portal.federation.control.SamlMessages.PASSWORD_PROTECTED;
import static fr.ent.portal.federation.control.SamlMessages.PREVIOUS_SESSION;
import static fr.ent.portal.federation.control.SamlMessages.REFEDS_MFA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The answer to an AuthnRequest's {@code RequestedAuthnContext}: per comparison, which requested class a password,
 * password + app, passkey or remembered-device sign-in satisfies, and what the assertion names.
 */
class RequestedAuthnContextTest {

    static final String KERBEROS = "urn:oasis:names:tc:SAML:2.0:ac:classes:Kerberos";

    static Optional<String> answer(String comparison, String amr, String... classes) {
        return new RequestedAuthnContext(comparison, List.of(classes)).answer(amr);
    }

    @Test
    void exactNamesTheSignInsOwnClassWhenRequested() {
        assertEquals(Optional.of(PASSWORD_PROTECTED), answer("exact", "pwd", KERBEROS, PASSWORD_PROTECTED));
        assertEquals(Optional.empty(), answer("exact", "mfa", PASSWORD_PROTECTED), "two factors are not exactly a password");
        assertEquals(Optional.of(REFEDS_MFA), answer("exact", "hwk", REFEDS_MFA));
        assertEquals(Optional.of(PREVIOUS_SESSION), answer("exact", "device", PREVIOUS_SESSION, PASSWORD_PROTECTED));
        assertEquals(Optional.empty(), answer("exact", "device", PASSWORD_PROTECTED));
        assertEquals(Optional.empty(), answer("exact", "pwd", KERBEROS), "an unknown class is never satisfied");
    }

    @Test
    void minimumNamesTheFirstRequestedClassTheSignInReachesAndAPasswordOnlyIfOneWasTyped() {
        assertEquals(Optional.of(PASSWORD_PROTECTED), answer("minimum", "mfa", PASSWORD_PROTECTED),
                "password + app: at least a password");
        assertEquals(Optional.empty(), answer("minimum", "hwk", PASSWORD_PROTECTED), "a passkey used no password");
        assertEquals(Optional.of(REFEDS_MFA), answer("minimum", "hwk", PASSWORD_PROTECTED, REFEDS_MFA));
        assertEquals(Optional.empty(), answer("minimum", "pwd", REFEDS_MFA));
        assertEquals(Optional.of(PREVIOUS_SESSION), answer("minimum", "pwd", PREVIOUS_SESSION));
        assertEquals(Optional.empty(), answer("minimum", "device", PASSWORD_PROTECTED));
    }

    @Test
    void betterAndMaximumNameTheSignInsOwnClass() {
        assertEquals(Optional.of(REFEDS_MFA), answer("better", "mfa", PASSWORD_PROTECTED));
        assertEquals(Optional.empty(), answer("better", "pwd", PASSWORD_PROTECTED));
        assertEquals(Optional.of(PASSWORD_PROTECTED), answer("maximum", "pwd", REFEDS_MFA));
        assertEquals(Optional.empty(), answer("maximum", "mfa", PASSWORD_PROTECTED));
        assertEquals(Optional.of(PREVIOUS_SESSION), answer("maximum", "device", PASSWORD_PROTECTED));
    }

    static Element request(String inside) {
        String xml = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_1\" Version=\"2.0\" "
                + "IssueInstant=\"2026-12-07T01:00:00Z\"><saml:Issuer>https://sp.example</saml:Issuer>" + inside
                + "</samlp:AuthnRequest>";
        return SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8), SamlXml.Limits.MESSAGE).getDocumentElement();
    }

    @Test
    void itIsReadFromTheRequestExactByDefaultAndKeptInThePendingCookie() {
        assertNull(RequestedAuthnContext.read(request("")));
        RequestedAuthnContext read = RequestedAuthnContext.read(request("<samlp:RequestedAuthnContext>"
                + "<saml:AuthnContextClassRef> " + REFEDS_MFA + " </saml:AuthnContextClassRef>"
                + "<saml:AuthnContextClassRef>" + PASSWORD_PROTECTED + "</saml:AuthnContextClassRef>"
                + "</samlp:RequestedAuthnContext>"));
        assertEquals(new RequestedAuthnContext("exact", List.of(REFEDS_MFA, PASSWORD_PROTECTED)), read);
        assertEquals("minimum", RequestedAuthnContext.read(request("<samlp:RequestedAuthnContext Comparison=\"minimum\">"
                + "<saml:AuthnContextClassRef>" + PASSWORD_PROTECTED + "</saml:AuthnContextClassRef>"
                + "</samlp:RequestedAuthnContext>")).comparison());
        assertEquals("authn_context", assertThrows(SamlRefused.class, () -> RequestedAuthnContext.read(request(
                "<samlp:RequestedAuthnContext Comparison=\"whatever\"/>"))).reason());
        SamlPending pending = new SamlPending("https://sp.example", "_1", null, false, false, read);
        assertEquals(pending, SamlPending.decode(pending.encode()).orElseThrow());
        SamlPending before = new SamlPending("https://sp.example", "_1", null, false, false);
        String fiveFields = before.encode().substring(0, before.encode().lastIndexOf('.'));
        assertEquals(before, SamlPending.decode(fiveFields).orElseThrow(), "a cookie kept before this field");
    }
}
