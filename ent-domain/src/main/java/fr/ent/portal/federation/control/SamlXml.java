package fr.ent.portal.federation.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * SAML messages in and out, as XML the portal can trust to read: the JDK's own DOM parser with DTDs refused
 * ({@code disallow-doctype-decl}: no entity, no external entity, no billion laughs), no XInclude, secure processing,
 * a byte limit before parsing (and after inflating a redirect-bound message), a depth and element-count limit after.
 * A refusal is a {@link SamlRefused} naming its reason for the audit trail. Same rules as the directories' streaming
 * reader ({@code registry.control.SafeXml}), for a DOM: XML signatures need the whole tree.
 */
public final class SamlXml {

    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String BINDING_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public static final String BINDING_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    /** What a message may be. */
    public record Limits(int maxBytes, int maxDepth, int maxElements) {

        /** An AuthnRequest or a logout message from a browser. */
        public static final Limits MESSAGE = new Limits(64 * 1024, 24, 400);
        /** A service provider's metadata uploaded by the region. */
        public static final Limits METADATA = new Limits(512 * 1024, 32, 4000);
    }

    private SamlXml() {
    }

    /** Parses hardened XML within the limits, namespace aware. */
    public static Document parse(byte[] xml, Limits limits) {
        if (xml == null || xml.length == 0) {
            throw new SamlRefused("empty");
        }
        if (xml.length > limits.maxBytes()) {
            throw new SamlRefused("too_large");
        }
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            throw new SamlRefused(message.contains("DOCTYPE") ? "doctype" : "malformed");
        } catch (IOException e) {
            throw new SamlRefused("malformed");
        }
        int[] count = {0};
        checkDepth(document.getDocumentElement(), 1, limits, count);
        return document;
    }

    private static void checkDepth(Element element, int depth, Limits limits, int[] count) {
        if (depth > limits.maxDepth()) {
            throw new SamlRefused("too_deep");
        }
        if (++count[0] > limits.maxElements()) {
            throw new SamlRefused("too_many_elements");
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                checkDepth((Element) child, depth + 1, limits, count);
            } else if (child.getNodeType() == Node.ENTITY_REFERENCE_NODE) {
                throw new SamlRefused("doctype");
            }
        }
    }

    /** A new empty document for the portal's own messages. */
    public static Document newDocument() {
        try {
            return builder().newDocument();
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance(); // the JDK's own
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser refused a hardening feature", e);
        }
    }

    /** The bytes of a POST-bound message (Base64). */
    public static byte[] fromPost(String base64, Limits limits) {
        if (base64 == null || base64.isBlank()) {
            throw new SamlRefused("missing");
        }
        if (base64.length() > limits.maxBytes() * 4 / 3 + 8) {
            throw new SamlRefused("too_large");
        }
        try {
            return Base64.getDecoder().decode(base64.replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw new SamlRefused("not_base64");
        }
    }

    /** The bytes of a redirect-bound message (Base64 of raw DEFLATE), inflated up to the limit. */
    public static byte[] fromRedirect(String base64, Limits limits) {
        byte[] deflated = fromPost(base64, limits);
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > limits.maxBytes()) {
                    throw new SamlRefused("too_large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SamlRefused("not_deflate");
        } finally {
            inflater.end();
        }
    }

    /** Raw DEFLATE then Base64, for the HTTP-Redirect binding. */
    public static String toRedirect(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** The document as text, UTF-8, without reformatting (a signed tree must stay byte for byte what was signed). */
    public static String write(Node node) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Writing a SAML message failed", e);
        }
    }

    /** The element children of {@code parent} with this namespace and local name. */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The only such child, or null when there is none; more than one: refused. */
    public static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() > 1) {
            throw new SamlRefused("duplicate_" + localName);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** Whether the element is {@code namespace}:{@code localName}. */
    public static boolean is(Element element, String namespace, String localName) {
        return element != null && namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** A trimmed attribute, or null when absent or empty. */
    public static String attribute(Element element, String name) {
        String value = element.getAttribute(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
