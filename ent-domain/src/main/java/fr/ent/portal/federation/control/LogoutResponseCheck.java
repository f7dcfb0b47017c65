package fr.ent.portal.federation.control;

import java.util.List;

import org.w3c.dom.Element;

/**
 * The checks of a provider's LogoutResponse in a front-channel single logout chain ({@link LogoutChain}), before its
 * age and replay (the boundary's, with the database): it comes from the provider the chain waits for, its signature
 * verifies with that provider's certificate (the HTTP-Redirect binding's query signature, or the HTTP-POST binding's
 * enveloped one) and is required when the provider signs, it answers the very LogoutRequest the portal sent, and it
 * is meant for the portal's logout address.
 */
public final class LogoutResponseCheck {

    private LogoutResponseCheck() {
    }

    /**
     * @param root              the received message's root, as parsed
     * @param response          what {@link SamlMessages.LogoutResponse#read} read from it
     * @param rawQuery          the query as received (HTTP-Redirect binding), else null
     * @param mustSign          the provider signs (must sign its requests, or has a certificate)
     * @param certificate       the provider's registered certificate (Base64 DER), or null
     * @param slo               the portal's single logout address
     * @throws SamlRefused {@code issuer}, {@code unsigned}, {@code signature_in_redirect}, {@code no_certificate},
     *                     {@code signature_invalid}, {@code signature_algorithm}, {@code in_response_to},
     *                     {@code destination}
     */
    public static void check(Element root, SamlMessages.LogoutResponse response, String rawQuery, String awaitingSp,
                             String awaitingRequestId, boolean mustSign, String certificate, String slo) {
        if (!awaitingSp.equals(response.issuer())) {
            throw new SamlRefused("issuer");
        }
        boolean redirect = rawQuery != null;
        boolean querySigned = redirect && rawQuery.contains("Signature=");
        boolean xmlSigned = SamlSignatures.signed(root);
        if (redirect && xmlSigned) {
            throw new SamlRefused("signature_in_redirect");
        }
        if (querySigned || xmlSigned) {
            if (certificate == null) {
                throw new SamlRefused("no_certificate");
            }
            List<java.security.cert.X509Certificate> certificates = List.of(KeyCertificate.parse(certificate));
            if (redirect) {
                SamlSignatures.verifyRedirect(rawQuery, "SAMLResponse", certificates);
            } else {
                SamlSignatures.verifyEnveloped(root, certificates);
            }
        } else if (mustSign) {
            throw new SamlRefused("unsigned");
        }
        if (!awaitingRequestId.equals(response.inResponseTo())) {
            throw new SamlRefused("in_response_to");
        }
        if (response.destination() != null && !slo.equals(response.destination())) {
            throw new SamlRefused("destination");
        }
    }
}
