package fr.ent.portal.federation.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SAML 2.0 messages of the portal's identity provider, built with the JDK's DOM (never by string concatenation)
 * and read from a {@link SamlXml} document: AuthnRequest and LogoutRequest in; Response with its Assertion,
 * LogoutRequest, LogoutResponse and the IdP metadata out. Signing is {@link SamlSignatures}'s.
 */
public final class SamlMessages {

    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    public static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    public static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    /** Top-level status of an answer the identity provider could not give ({@link #failure}). */
    public static final String RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    /** Second-level status: the sign-in satisfies none of the classes of the request's {@code RequestedAuthnContext}. */
    public static final String NO_AUTHN_CONTEXT = "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext";
    /** Second-level status: {@code IsPassive} asked, and the person would have to sign in or choose first. */
    public static final String NO_PASSIVE = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";
    /**
     * Second-level status under Success of the LogoutResponse to the provider that started a single logout, when
     * another provider of the session could not be told or did not confirm (SAML 2.0 core, 3.7.3.2).
     */
    public static final String PARTIAL_LOGOUT = "urn:oasis:names:tc:SAML:2.0:status:PartialLogout";
    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    public static final String PASSWORD_PROTECTED = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    /** SAML 2.0's class of a sign-in that rests on an earlier one (a remembered device's cookie). */
    public static final String PREVIOUS_SESSION = "urn:oasis:names:tc:SAML:2.0:ac:classes:PreviousSession";
    /**
     * Two factors (password and authenticator app, or a passkey: possession and user verification): SAML 2.0 names no
     * class for that, the REFEDS MFA profile does, and the federations of research and education use it (docs/FEDERATION.md).
     */
    public static final String REFEDS_MFA = "https://refeds.org/profile/mfa";
    public static final String BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SamlMessages() {
    }

    /** A fresh message ID (an NCName: starts with a letter or underscore). */
    public static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    // ---- in ---------------------------------------------------------------------------------------------------

    /** What the portal reads from an AuthnRequest. */
    public record AuthnRequest(String id, String issuer, Instant issueInstant, String destination, String acs,
                               String protocolBinding, boolean forceAuthn, boolean passive,
                               RequestedAuthnContext authnContext) {

        public static AuthnRequest read(Element root) {
            if (!SamlXml.is(root, SamlXml.PROTOCOL, "AuthnRequest")) {
                throw new SamlRefused("not_authn_request");
            }
            Common common = Common.read(root);
            return new AuthnRequest(common.id(), common.issuer(), common.issueInstant(),
                    SamlXml.attribute(root, "Destination"), SamlXml.attribute(root, "AssertionConsumerServiceURL"),
                    SamlXml.attribute(root, "ProtocolBinding"), "true".equals(root.getAttribute("ForceAuthn")),
                    "true".equals(root.getAttribute("IsPassive")), RequestedAuthnContext.read(root));
        }
    }

    /** What the portal reads from a LogoutRequest. */
    public record LogoutRequest(String id, String issuer, Instant issueInstant, String destination, String nameId,
                                List<String> sessionIndexes) {

        public static LogoutRequest read(Element root) {
            if (!SamlXml.is(root, SamlXml.PROTOCOL, "LogoutRequest")) {
                throw new SamlRefused("not_logout_request");
            }
            Common common = Common.read(root);
            Element nameId = SamlXml.child(root, SamlXml.ASSERTION, "NameID");
            if (nameId == null || nameId.getTextContent().isBlank()) {
                throw new SamlRefused("no_name_id");
            }
            List<String> indexes = SamlXml.children(root, SamlXml.PROTOCOL, "SessionIndex").stream()
                    .map(e -> e.getTextContent().strip()).toList();
            return new LogoutRequest(common.id(), common.issuer(), common.issueInstant(),
                    SamlXml.attribute(root, "Destination"), nameId.getTextContent().strip(), indexes);
        }
    }

    /** What the portal reads from a LogoutResponse (the answer of a service provider it sent a LogoutRequest). */
    public record LogoutResponse(String id, String issuer, Instant issueInstant, String destination, String inResponseTo,
                                 boolean success) {

        public static LogoutResponse read(Element root) {
            if (!SamlXml.is(root, SamlXml.PROTOCOL, "LogoutResponse")) {
                throw new SamlRefused("not_logout_response");
            }
            Common common = Common.read(root);
            Element status = SamlXml.child(root, SamlXml.PROTOCOL, "Status");
            Element code = status == null ? null : SamlXml.child(status, SamlXml.PROTOCOL, "StatusCode");
            return new LogoutResponse(common.id(), common.issuer(), common.issueInstant(),
                    SamlXml.attribute(root, "Destination"), SamlXml.attribute(root, "InResponseTo"),
                    code != null && SUCCESS.equals(code.getAttribute("Value")));
        }
    }

    private record Common(String id, String issuer, Instant issueInstant) {

        static Common read(Element root) {
            if (!"2.0".equals(root.getAttribute("Version"))) {
                throw new SamlRefused("version");
            }
            String id = SamlXml.attribute(root, "ID");
            if (id == null || id.length() > 128) {
                throw new SamlRefused("no_id");
            }
            Element issuer = SamlXml.child(root, SamlXml.ASSERTION, "Issuer");
            if (issuer == null || issuer.getTextContent().isBlank() || issuer.getTextContent().length() > 500) {
                throw new SamlRefused("no_issuer");
            }
            Instant instant;
            try {
                instant = Instant.parse(root.getAttribute("IssueInstant"));
            } catch (DateTimeParseException e) {
                throw new SamlRefused("issue_instant");
            }
            return new Common(id, issuer.getTextContent().strip(), instant);
        }
    }

    // ---- out --------------------------------------------------------------------------------------------------

    /**
     * The subject and what the assertion says about them; {@code authnContextClassRef} how they signed in
     * ({@link #authnContextClass}).
     */
    public record Subject(String nameId, String nameIdFormat, String sessionIndex, Instant authnInstant,
                          String authnContextClassRef, Map<String, List<String>> attributes) {
    }

    /** The {@code AuthnContextClassRef} of a sign-in made with the session's method ({@code PortalSession.amr()}). */
    public static String authnContextClass(String amr) {
        return switch (amr) {
            case "mfa", "hwk" -> REFEDS_MFA;
            case "device" -> PREVIOUS_SESSION;
            default -> PASSWORD_PROTECTED;
        };
    }

    /**
     * A Response with one Assertion for the service provider at {@code acs}: bearer confirmation to that ACS only,
     * audience the provider, {@code NotOnOrAfter} {@code now + validity}, {@code InResponseTo} when answering a
     * request. Unsigned: the caller signs the assertion, then the response.
     */
    public static Document response(String idp, String sp, String acs, String inResponseTo, Subject subject,
                                    Instant now, java.time.Duration validity) {
        Document document = SamlXml.newDocument();
        Element response = answer(document, "Response", idp, acs, inResponseTo, now);
        response.appendChild(success(document));

        Element assertion = assertion(document, "Assertion");
        assertion.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
        assertion.setAttribute("ID", newId());
        assertion.setAttribute("Version", "2.0");
        assertion.setAttribute("IssueInstant", instant(now));
        assertion.appendChild(issuer(document, idp));
        Element subjectElement = assertion(document, "Subject");
        Element nameId = assertion(document, "NameID");
        nameId.setAttribute("Format", subject.nameIdFormat());
        nameId.setAttribute("NameQualifier", idp);
        nameId.setAttribute("SPNameQualifier", sp);
        nameId.setTextContent(subject.nameId());
        subjectElement.appendChild(nameId);
        Element confirmation = assertion(document, "SubjectConfirmation");
        confirmation.setAttribute("Method", BEARER);
        Element data = assertion(document, "SubjectConfirmationData");
        data.setAttribute("NotOnOrAfter", instant(now.plus(validity)));
        data.setAttribute("Recipient", acs);
        if (inResponseTo != null) {
            data.setAttribute("InResponseTo", inResponseTo);
        }
        confirmation.appendChild(data);
        subjectElement.appendChild(confirmation);
        assertion.appendChild(subjectElement);

        Element conditions = assertion(document, "Conditions");
        conditions.setAttribute("NotBefore", instant(now.minusSeconds(30)));
        conditions.setAttribute("NotOnOrAfter", instant(now.plus(validity)));
        Element restriction = assertion(document, "AudienceRestriction");
        Element audience = assertion(document, "Audience");
        audience.setTextContent(sp);
        restriction.appendChild(audience);
        conditions.appendChild(restriction);
        assertion.appendChild(conditions);

        Element authn = assertion(document, "AuthnStatement");
        authn.setAttribute("AuthnInstant", instant(subject.authnInstant()));
        authn.setAttribute("SessionIndex", subject.sessionIndex());
        Element context = assertion(document, "AuthnContext");
        Element classRef = assertion(document, "AuthnContextClassRef");
        classRef.setTextContent(subject.authnContextClassRef());
        context.appendChild(classRef);
        authn.appendChild(context);
        assertion.appendChild(authn);

        if (!subject.attributes().isEmpty()) {
            Element statement = assertion(document, "AttributeStatement");
            subject.attributes().forEach((name, values) -> {
                Element attribute = assertion(document, "Attribute");
                attribute.setAttribute("Name", name);
                attribute.setAttribute("NameFormat", BASIC);
                for (String value : values) {
                    Element valueElement = assertion(document, "AttributeValue");
                    valueElement.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xs", XS);
                    valueElement.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI);
                    valueElement.setAttributeNS(XSI, "xsi:type", "xs:string");
                    valueElement.setTextContent(value);
                    attribute.appendChild(valueElement);
                }
                statement.appendChild(attribute);
            });
            assertion.appendChild(statement);
        }
        response.appendChild(assertion);
        return document;
    }

    /** The assertion of a response built by {@link #response}. */
    public static Element assertionOf(Document response) {
        return SamlXml.child(response.getDocumentElement(), SamlXml.ASSERTION, "Assertion");
    }

    /** A LogoutRequest the portal sends to a service provider (unsigned: the caller signs it). */
    public static Document logoutRequest(String idp, String sp, String destination, String nameId, String format,
                                         String sessionIndex, Instant now) {
        Document document = SamlXml.newDocument();
        Element request = protocol(document, "LogoutRequest", now);
        request.setAttribute("Destination", destination);
        request.setAttribute("NotOnOrAfter", instant(now.plus(5, ChronoUnit.MINUTES)));
        request.appendChild(issuer(document, idp));
        Element name = assertion(document, "NameID");
        name.setAttribute("Format", format);
        name.setAttribute("NameQualifier", idp);
        name.setAttribute("SPNameQualifier", sp);
        name.setTextContent(nameId);
        request.appendChild(name);
        if (sessionIndex != null) {
            Element index = document.createElementNS(SamlXml.PROTOCOL, "samlp:SessionIndex");
            index.setTextContent(sessionIndex);
            request.appendChild(index);
        }
        return document;
    }

    /**
     * A Response without assertion, for the provider at {@code acs}: top-level status {@link #RESPONDER} and the
     * second-level {@code detail} (e.g. {@link #NO_PASSIVE}). Unsigned: the caller signs it.
     */
    public static Document failure(String idp, String acs, String inResponseTo, String detail, Instant now) {
        Document document = SamlXml.newDocument();
        Element response = answer(document, "Response", idp, acs, inResponseTo, now);
        Element status = document.createElementNS(SamlXml.PROTOCOL, "samlp:Status");
        Element code = document.createElementNS(SamlXml.PROTOCOL, "samlp:StatusCode");
        code.setAttribute("Value", RESPONDER);
        Element second = document.createElementNS(SamlXml.PROTOCOL, "samlp:StatusCode");
        second.setAttribute("Value", detail);
        code.appendChild(second);
        status.appendChild(code);
        response.appendChild(status);
        return document;
    }

    /** The LogoutResponse to a service provider's LogoutRequest (unsigned: sent signed by the redirect binding). */
    public static Document logoutResponse(String idp, String destination, String inResponseTo, Instant now) {
        return logoutResponse(idp, destination, inResponseTo, false, now);
    }

    /**
     * The same, saying {@link #PARTIAL_LOGOUT} under Success when {@code partial}: another provider of the session
     * was not logged out for sure.
     */
    public static Document logoutResponse(String idp, String destination, String inResponseTo, boolean partial,
                                          Instant now) {
        Document document = SamlXml.newDocument();
        Element response = answer(document, "LogoutResponse", idp, destination, inResponseTo, now);
        Element status = success(document);
        if (partial) {
            Element second = document.createElementNS(SamlXml.PROTOCOL, "samlp:StatusCode");
            second.setAttribute("Value", PARTIAL_LOGOUT);
            status.getFirstChild().appendChild(second);
        }
        response.appendChild(status);
        return document;
    }

    /**
     * The IdP metadata: entity id, every published signing certificate (the signing key's and those still in their
     * overlap after a rotation), SSO and SLO addresses for both bindings, NameID formats.
     */
    public static String metadata(String entityId, String sso, String slo, List<String> certificates) {
        Document document = SamlXml.newDocument();
        Element entity = document.createElementNS(SamlXml.METADATA, "md:EntityDescriptor");
        entity.setAttribute("entityID", entityId);
        document.appendChild(entity);
        Element idp = document.createElementNS(SamlXml.METADATA, "md:IDPSSODescriptor");
        idp.setAttribute("protocolSupportEnumeration", SamlXml.PROTOCOL);
        idp.setAttribute("WantAuthnRequestsSigned", "false");
        entity.appendChild(idp);
        for (String certificate : certificates) {
            Element descriptor = document.createElementNS(SamlXml.METADATA, "md:KeyDescriptor");
            descriptor.setAttribute("use", "signing");
            Element keyInfo = document.createElementNS(SamlXml.DSIG, "ds:KeyInfo");
            Element x509Data = document.createElementNS(SamlXml.DSIG, "ds:X509Data");
            Element x509 = document.createElementNS(SamlXml.DSIG, "ds:X509Certificate");
            x509.setTextContent(certificate);
            x509Data.appendChild(x509);
            keyInfo.appendChild(x509Data);
            descriptor.appendChild(keyInfo);
            idp.appendChild(descriptor);
        }
        for (String binding : List.of(SamlXml.BINDING_REDIRECT, SamlXml.BINDING_POST)) {
            idp.appendChild(service(document, "md:SingleLogoutService", binding, slo));
        }
        for (String format : List.of(PERSISTENT, TRANSIENT)) {
            Element nameIdFormat = document.createElementNS(SamlXml.METADATA, "md:NameIDFormat");
            nameIdFormat.setTextContent(format);
            idp.appendChild(nameIdFormat);
        }
        for (String binding : List.of(SamlXml.BINDING_REDIRECT, SamlXml.BINDING_POST)) {
            idp.appendChild(service(document, "md:SingleSignOnService", binding, sso));
        }
        return SamlXml.write(document);
    }

    private static Element service(Document document, String name, String binding, String location) {
        Element service = document.createElementNS(SamlXml.METADATA, name);
        service.setAttribute("Binding", binding);
        service.setAttribute("Location", location);
        return service;
    }

    /**
     * The start of each answer the portal sends (a Response, a LogoutResponse): the protocol element {@code name} for
     * {@code destination}, the request it answers (when it answers one) and the portal as issuer.
     */
    private static Element answer(Document document, String name, String idp, String destination, String inResponseTo,
                                  Instant now) {
        Element answer = protocol(document, name, now);
        answer.setAttribute("Destination", destination);
        if (inResponseTo != null) {
            answer.setAttribute("InResponseTo", inResponseTo);
        }
        answer.appendChild(issuer(document, idp));
        return answer;
    }

    private static Element protocol(Document document, String name, Instant now) {
        Element element = document.createElementNS(SamlXml.PROTOCOL, "samlp:" + name);
        // declared as attributes: the canonicalization of a tree built in memory sees only declared namespaces
        element.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:samlp", SamlXml.PROTOCOL);
        element.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlXml.ASSERTION);
        element.setAttribute("ID", newId());
        element.setAttribute("Version", "2.0");
        element.setAttribute("IssueInstant", instant(now));
        document.appendChild(element);
        return element;
    }

    private static Element assertion(Document document, String name) {
        return document.createElementNS(SamlXml.ASSERTION, "saml:" + name);
    }

    private static Element issuer(Document document, String idp) {
        Element issuer = assertion(document, "Issuer");
        issuer.setTextContent(idp);
        return issuer;
    }

    private static Element success(Document document) {
        Element status = document.createElementNS(SamlXml.PROTOCOL, "samlp:Status");
        Element code = document.createElementNS(SamlXml.PROTOCOL, "samlp:StatusCode");
        code.setAttribute("Value", SUCCESS);
        status.appendChild(code);
        return status;
    }

    /** SAML's dateTime: UTC, seconds. */
    static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
