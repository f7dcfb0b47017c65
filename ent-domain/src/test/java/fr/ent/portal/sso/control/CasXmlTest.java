package fr.ent.portal.sso.control;

import fr.ent.portal.establishment.entity.ReleasedAttribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The CAS answers are well-formed XML in the CAS namespace, with the codes of the specification. */
class CasXmlTest {

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void successWithAttributes() throws Exception {
        SsoAttributes.Person person = new SsoAttributes.Person("y.perrin1", "Yasmine", "Perrin <&>",
                "LEGAL_REPRESENTATIVE", "0860034V", null, List.of("j.fournier1", "s.fontaine1"));
        Map<String, List<String>> attributes = SsoAttributes.of(person, Set.of(ReleasedAttribute.values()),
                Instant.parse("2026-11-23T08:00:00Z"), true, false, "pwd");
        Document doc = parse(CasXml.success("y.perrin1", attributes));
        Element root = doc.getDocumentElement();
        assertEquals(CasXml.NAMESPACE, root.getNamespaceURI());
        assertEquals("serviceResponse", root.getLocalName());
        assertEquals("y.perrin1", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "user").item(0).getTextContent());
        assertEquals("Perrin <&>", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "sn").item(0).getTextContent());
        NodeList children = doc.getElementsByTagNameNS(CasXml.NAMESPACE, "children");
        assertEquals(2, children.getLength(), "one element per value");
        assertEquals("0860034V", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "uai").item(0).getTextContent());
        assertEquals(0, doc.getElementsByTagNameNS(CasXml.NAMESPACE, "division").getLength(), "no empty values");
        assertEquals("true", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "isFromNewLogin").item(0).getTextContent());
        assertEquals(1, doc.getElementsByTagNameNS(CasXml.NAMESPACE, "authenticationDate").getLength());
    }

    @Test
    void onlyTheListedAttributesAreReleased() throws Exception {
        SsoAttributes.Person person = new SsoAttributes.Person("l.martin1", "Léa", "Martin", "PUPIL", "0771763Y",
                "2nde B", List.of());
        Document doc = parse(CasXml.success("l.martin1", SsoAttributes.of(person,
                Set.of(ReleasedAttribute.UAI, ReleasedAttribute.DIVISION), Instant.EPOCH, false, false, "pwd")));
        assertEquals("2nde B", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "division").item(0).getTextContent());
        assertEquals(0, doc.getElementsByTagNameNS(CasXml.NAMESPACE, "givenName").getLength());
        assertEquals(0, doc.getElementsByTagNameNS(CasXml.NAMESPACE, "sn").getLength());
    }

    @Test
    void theCas2AnswerHasNoAttributesBlock() throws Exception {
        Document doc = parse(CasXml.success("l.martin1", null));
        assertEquals(0, doc.getElementsByTagNameNS(CasXml.NAMESPACE, "attributes").getLength());
    }

    @Test
    void failuresCarryTheirCode() throws Exception {
        for (String code : List.of(CasXml.INVALID_REQUEST, CasXml.INVALID_TICKET, CasXml.INVALID_SERVICE,
                CasXml.INTERNAL_ERROR)) {
            Document doc = parse(CasXml.failure(code, "text <with> \"quotes\" & more"));
            Element failure = (Element) doc.getElementsByTagNameNS(CasXml.NAMESPACE, "authenticationFailure").item(0);
            assertEquals(code, failure.getAttribute("code"));
            assertEquals("text <with> \"quotes\" & more", failure.getTextContent());
        }
        Element proxy = (Element) parse(CasXml.proxyFailure(CasXml.UNAUTHORIZED_SERVICE_PROXY, "no"))
                .getElementsByTagNameNS(CasXml.NAMESPACE, "proxyFailure").item(0);
        assertEquals(CasXml.UNAUTHORIZED_SERVICE_PROXY, proxy.getAttribute("code"));
    }

    @Test
    void controlCharactersCannotBreakTheXml() throws Exception {
        Document doc = parse(CasXml.success("a\u0001b", null));
        assertFalse(doc.getElementsByTagNameNS(CasXml.NAMESPACE, "user").item(0).getTextContent().contains("\u0001"));
    }

    @Test
    void theLogoutRequestNamesTheTicket() throws Exception {
        String id = TicketIds.newServiceTicket();
        Document doc = parse(CasXml.logoutRequest("LR-1", Instant.EPOCH, id));
        assertEquals(id, doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:protocol", "SessionIndex")
                .item(0).getTextContent());
        assertTrue(doc.getDocumentElement().getLocalName().equals("LogoutRequest"));
    }

    // ---- issue 20, item 5 ----------------------------------------------------------------------------------

    @Test
    void theFixedAttributesComeInTheOrderOfTheProtocolsSchema() throws Exception {
        SsoAttributes.Person person = new SsoAttributes.Person("l.martin1", "Léa", "Martin", "PUPIL", "0771763Y",
                "2nde B", List.of());
        Document doc = parse(CasXml.success("l.martin1", SsoAttributes.of(person, Set.of(ReleasedAttribute.values()),
                Instant.EPOCH, false, true, "device")));
        NodeList block = doc.getElementsByTagNameNS(CasXml.NAMESPACE, "attributes").item(0).getChildNodes();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < block.getLength(); i++) {
            if (block.item(i) instanceof Element e) {
                names.add(e.getLocalName());
            }
        }
        // cas-server-protocol-3.0.xsd, AttributesType: authenticationDate, longTermAuthenticationRequestTokenUsed,
        // isFromNewLogin, then any
        assertEquals(List.of("authenticationDate", "longTermAuthenticationRequestTokenUsed", "isFromNewLogin"),
                names.subList(0, 3), names.toString());
        assertEquals("true", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "longTermAuthenticationRequestTokenUsed")
                .item(0).getTextContent(), "a remembered device signed the person in");
        assertEquals("false", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "isFromNewLogin").item(0).getTextContent());
    }

    /** Issue 24, item 6: how the person signed in, RFC 8176's amr; two factors also as Apereo CAS's context class. */
    @Test
    void theAttributesSayHowThePersonSignedIn() throws Exception {
        SsoAttributes.Person person = new SsoAttributes.Person("l.martin1", "Léa", "Martin", "PUPIL", "0771763Y",
                "2nde B", List.of());
        Map<String, List<String>> password = SsoAttributes.of(person, Set.of(), Instant.EPOCH, true, false, "pwd");
        assertEquals(List.of("pwd"), password.get("authenticationMethod"));
        assertEquals(null, password.get("authnContextClass"), "one factor: no multi-factor context");
        Map<String, List<String>> passkey = SsoAttributes.of(person, Set.of(), Instant.EPOCH, true, false,
                SignInMethod.amr("passkey", false));
        assertEquals(List.of("hwk"), passkey.get("authenticationMethod"));
        assertEquals(List.of("mfa-webauthn"), passkey.get("authnContextClass"));
        assertEquals(List.of("mfa-gauth"), SsoAttributes.of(person, Set.of(), Instant.EPOCH, true, false,
                SignInMethod.amr("pwd+otp", false)).get("authnContextClass"));
        assertEquals("device", SignInMethod.amr("pwd+otp", true), "a remembered device says so, whatever came before");
        Document doc = parse(CasXml.success("l.martin1", passkey));
        assertEquals("hwk", doc.getElementsByTagNameNS(CasXml.NAMESPACE, "authenticationMethod").item(0).getTextContent());
    }

    @Test
    void theJsonAnswersFollowSection251() {
        SsoAttributes.Person person = new SsoAttributes.Person("y.perrin1", "Yasmine", "Perrin \"<&>\\",
                "LEGAL_REPRESENTATIVE", "0860034V", null, List.of("j.fournier1", "s.fontaine1"));
        String json = CasAnswer.success("y.perrin1", SsoAttributes.of(person, Set.of(ReleasedAttribute.values()),
                Instant.parse("2026-11-23T08:00:00Z"), true, false, "pwd")).write(CasAnswer.Format.JSON);
        assertTrue(json.startsWith("{\"serviceResponse\":{\"authenticationSuccess\":{\"user\":\"y.perrin1\","
                + "\"attributes\":{\"authenticationDate\":\"2026-11-23T08:00:00Z\","
                + "\"longTermAuthenticationRequestTokenUsed\":\"false\",\"isFromNewLogin\":\"true\","), json);
        assertTrue(json.contains("\"children\":[\"j.fournier1\",\"s.fontaine1\"]"), "several values: an array " + json);
        assertTrue(json.contains("\"sn\":\"Perrin \\\"\\u003c\\u0026\\u003e\\\\\""), "escaped: " + json);
        assertTrue(json.endsWith("}}}}"), json);
        assertEquals("{\"serviceResponse\":{\"authenticationFailure\":{\"code\":\"INVALID_TICKET\","
                        + "\"description\":\"Ticket \\u0001 not recognized\"}}}",
                CasAnswer.failure(CasXml.INVALID_TICKET, "Ticket \u0001 not recognized").write(CasAnswer.Format.JSON));
        assertTrue(CasAnswer.failure(CasXml.INVALID_TICKET, "x").write(CasAnswer.Format.XML)
                .contains("<cas:authenticationFailure code=\"INVALID_TICKET\">"));
    }

    @Test
    void theFormatParameterIsXmlJsonOrRefused() {
        assertEquals(CasAnswer.Format.XML, CasAnswer.Format.of(null).orElseThrow());
        assertEquals(CasAnswer.Format.JSON, CasAnswer.Format.of("JSON").orElseThrow());
        assertEquals(CasAnswer.Format.JSON, CasAnswer.Format.of("json").orElseThrow());
        assertEquals(CasAnswer.Format.XML, CasAnswer.Format.of("XML").orElseThrow());
        assertTrue(CasAnswer.Format.of("YAML").isEmpty());
    }
}
