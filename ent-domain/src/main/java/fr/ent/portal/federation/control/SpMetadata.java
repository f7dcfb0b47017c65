package fr.ent.portal.federation.control;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

import org.w3c.dom.Element;

/**
 * What the portal takes from a service provider's SAML metadata uploaded by the region: its entity id, its assertion
 * consumer service (HTTP-POST binding: the default one, else the first), its single logout address (HTTP-Redirect,
 * else HTTP-POST) and whether that address takes the HTTP-Redirect binding (the browser may be sent there: the
 * front-channel logout chain), its signing certificate and whether it signs its AuthnRequests. Read with {@link SamlXml} (no DTD,
 * limits); nothing else from the file is trusted or kept.
 */
public record SpMetadata(String entityId, String acs, String slo, boolean sloRedirect, String certificate,
                         boolean requestsSigned) {

    public static SpMetadata read(byte[] xml) {
        Element root = SamlXml.parse(xml, SamlXml.Limits.METADATA).getDocumentElement();
        if (SamlXml.is(root, SamlXml.METADATA, "EntitiesDescriptor")) {
            List<Element> entities = SamlXml.children(root, SamlXml.METADATA, "EntityDescriptor");
            if (entities.size() != 1) {
                throw new SamlRefused("metadata_not_one_entity");
            }
            root = entities.get(0);
        }
        if (!SamlXml.is(root, SamlXml.METADATA, "EntityDescriptor")) {
            throw new SamlRefused("metadata_not_entity");
        }
        String entityId = SamlXml.attribute(root, "entityID");
        Element sp = SamlXml.child(root, SamlXml.METADATA, "SPSSODescriptor");
        if (entityId == null || sp == null) {
            throw new SamlRefused("metadata_not_sp");
        }
        String acs = null;
        for (Element service : SamlXml.children(sp, SamlXml.METADATA, "AssertionConsumerService")) {
            if (SamlXml.BINDING_POST.equals(service.getAttribute("Binding"))
                    && (acs == null || "true".equals(service.getAttribute("isDefault")))) {
                acs = SamlXml.attribute(service, "Location");
            }
        }
        if (acs == null) {
            throw new SamlRefused("metadata_no_acs");
        }
        String slo = null;
        boolean sloRedirect = false;
        for (Element service : SamlXml.children(sp, SamlXml.METADATA, "SingleLogoutService")) {
            String binding = service.getAttribute("Binding");
            if (!sloRedirect && SamlXml.BINDING_REDIRECT.equals(binding)
                    || slo == null && SamlXml.BINDING_POST.equals(binding)) {
                slo = SamlXml.attribute(service, "Location");
                sloRedirect = SamlXml.BINDING_REDIRECT.equals(binding);
            }
        }
        String certificate = null;
        for (Element descriptor : SamlXml.children(sp, SamlXml.METADATA, "KeyDescriptor")) {
            String use = descriptor.getAttribute("use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            var found = descriptor.getElementsByTagNameNS(SamlXml.DSIG, "X509Certificate");
            if (found.getLength() > 0) {
                certificate = found.item(0).getTextContent().replaceAll("\\s", "");
                break;
            }
        }
        if (certificate != null) {
            X509Certificate parsed = KeyCertificate.parse(certificate); // refuses what is not a certificate
            certificate = KeyCertificate.base64(parsed);
        }
        boolean signed = "true".equals(sp.getAttribute("AuthnRequestsSigned"));
        return new SpMetadata(entityId, acs, slo, sloRedirect && slo != null, certificate, signed);
    }

    public static SpMetadata read(String xml) {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }
}
