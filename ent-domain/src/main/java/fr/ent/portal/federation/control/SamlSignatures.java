package fr.ent.portal.federation.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XML signatures of SAML messages with Apache Santuario (never by hand): enveloped RSA-SHA256 signatures over the
 * element named by its {@code ID}, exclusive canonicalization; and the query-string signatures of the HTTP-Redirect
 * binding (JDK {@code SHA256withRSA} over the octets the binding names).
 * <p>
 * Verification refuses signature wrapping: the signature must be a direct child of the very element the portal then
 * reads (the message's root), its only reference must be {@code #} + that element's {@code ID}, that ID must appear
 * once in the whole document, and the transforms may only be the enveloped signature and exclusive canonicalization.
 * The element verified is therefore the element used, by reference, never found again by a search.
 */
public final class SamlSignatures {

    public static final String RSA_SHA256 = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;

    static {
        Init.init();
    }

    private SamlSignatures() {
    }

    /**
     * Signs {@code element} (which has an {@code ID}) in place: the signature goes right after its {@code Issuer}
     * child (SAML's schema order), with the certificate in its KeyInfo.
     */
    public static void sign(Element element, PrivateKey key, X509Certificate certificate) {
        String id = element.getAttribute("ID");
        element.setIdAttributeNS(null, "ID", true);
        Document document = element.getOwnerDocument();
        try {
            XMLSignature signature = new XMLSignature(document, null, RSA_SHA256,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            Element issuer = SamlXml.child(element, SamlXml.ASSERTION, "Issuer");
            Node before = issuer == null ? element.getFirstChild() : issuer.getNextSibling();
            element.insertBefore(signature.getElement(), before);
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.addKeyInfo(certificate);
            signature.sign(key);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Signing a SAML message failed", e);
        }
    }

    /** Whether the message's root carries a signature (a direct child {@code ds:Signature}). */
    public static boolean signed(Element root) {
        return !SamlXml.children(root, SamlXml.DSIG, "Signature").isEmpty();
    }

    /**
     * Verifies the enveloped signature of the message's root with one of the certificates.
     *
     * @throws SamlRefused {@code unsigned}, {@code signature_wrapping}, {@code signature_algorithm} or
     *                     {@code signature_invalid}
     */
    public static void verifyEnveloped(Element root, List<X509Certificate> certificates) {
        List<Element> signatures = SamlXml.children(root, SamlXml.DSIG, "Signature");
        if (signatures.isEmpty()) {
            throw new SamlRefused("unsigned");
        }
        if (signatures.size() > 1) {
            throw new SamlRefused("signature_wrapping");
        }
        String id = SamlXml.attribute(root, "ID");
        if (id == null || occurrences(root.getOwnerDocument(), id) != 1) {
            throw new SamlRefused("signature_wrapping");
        }
        root.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature signature = new XMLSignature(signatures.get(0), null, true);
            SignedInfo info = signature.getSignedInfo();
            if (!RSA_SHA256.equals(info.getSignatureMethodURI())) {
                throw new SamlRefused("signature_algorithm");
            }
            if (info.getLength() != 1) {
                throw new SamlRefused("signature_wrapping");
            }
            Reference reference = info.item(0);
            if (!("#" + id).equals(reference.getURI())) {
                throw new SamlRefused("signature_wrapping");
            }
            Transforms transforms = reference.getTransforms();
            for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
                Transform transform = transforms.item(i);
                String uri = transform.getURI();
                if (!Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(uri)
                        && !Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS.equals(uri)
                        && !Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS.equals(uri)) {
                    throw new SamlRefused("signature_transform");
                }
            }
            for (X509Certificate certificate : certificates) {
                if (signature.checkSignatureValue(certificate)) {
                    return;
                }
            }
            throw new SamlRefused("signature_invalid");
        } catch (XMLSecurityException e) {
            throw new SamlRefused("signature_invalid");
        }
    }

    private static int occurrences(Document document, String id) {
        int count = 0;
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (id.equals(element.getAttribute("ID")) || id.equals(element.getAttribute("Id"))
                    || id.equals(element.getAttribute("id"))) {
                count++;
            }
        }
        return count;
    }

    // ---- HTTP-Redirect binding ----------------------------------------------------------------------------------

    /**
     * Verifies an HTTP-Redirect binding signature: over {@code SAMLRequest=…&RelayState=…&SigAlg=…} exactly as they
     * came in the query (still URL-encoded), with RSA-SHA256 only.
     *
     * @param rawQuery the request's query string, as received
     */
    public static void verifyRedirect(String rawQuery, String messageParameter, List<X509Certificate> certificates) {
        String message = null;
        String relayState = null;
        String sigAlg = null;
        String signature = null;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals(messageParameter)) {
                message = once(message, pair);
            } else if (name.equals("RelayState")) {
                relayState = once(relayState, pair);
            } else if (name.equals("SigAlg")) {
                sigAlg = once(sigAlg, pair);
            } else if (name.equals("Signature")) {
                signature = once(signature, pair);
            }
        }
        if (signature == null || sigAlg == null || message == null) {
            throw new SamlRefused("unsigned");
        }
        String algorithm = java.net.URLDecoder.decode(sigAlg.substring(sigAlg.indexOf('=') + 1), StandardCharsets.UTF_8);
        if (!RSA_SHA256.equals(algorithm)) {
            throw new SamlRefused("signature_algorithm");
        }
        String signed = message + (relayState == null ? "" : "&" + relayState) + "&" + sigAlg;
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(java.net.URLDecoder.decode(
                    signature.substring(signature.indexOf('=') + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SamlRefused("signature_invalid");
        }
        for (X509Certificate certificate : certificates) {
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(signed.getBytes(StandardCharsets.US_ASCII));
                if (verifier.verify(value)) {
                    return;
                }
            } catch (GeneralSecurityException e) {
                // try the next certificate
            }
        }
        throw new SamlRefused("signature_invalid");
    }

    private static String once(String previous, String pair) {
        if (previous != null) {
            throw new SamlRefused("duplicate_parameter");
        }
        return pair;
    }

    /**
     * The query of an HTTP-Redirect binding message signed by the portal:
     * {@code <parameter>=…[&RelayState=…]&SigAlg=…&Signature=…}.
     */
    public static String signedRedirectQuery(String parameter, String xml, String relayState, PrivateKey key) {
        List<String> parts = new ArrayList<>();
        parts.add(parameter + "=" + encode(SamlXml.toRedirect(xml)));
        if (relayState != null && !relayState.isEmpty()) {
            parts.add("RelayState=" + encode(relayState));
        }
        parts.add("SigAlg=" + encode(RSA_SHA256));
        String signed = String.join("&", parts);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "&Signature=" + encode(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing a SAML redirect failed", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
