package fr.ent.portal.federation.control;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed X.509 certificate that carries a federation key's public half in SAML metadata and KeyInfo. Built
 * from the key alone (subject and serial from the key id, validity from its creation, PKCS#1 v1.5 signatures are
 * deterministic): every node builds the same certificate, so nothing more is stored.
 */
public final class KeyCertificate {

    private KeyCertificate() {
    }

    /**
     * @param pair the public key the certificate carries (key {@code kid}) and the private key that signs it (key
     *             {@code signerKid}: the same key for the signing key's own certificate)
     */
    public static X509Certificate of(String kid, String signerKid, KeyPair pair, Instant created, String issuerName) {
        Instant from = created.truncatedTo(ChronoUnit.SECONDS);
        X500Name name = name(issuerName, kid);
        X500Name signer = name(issuerName, signerKid);
        BigInteger serial = new BigInteger(1, kid.getBytes(StandardCharsets.US_ASCII));
        try {
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(signer, serial, Date.from(from),
                    Date.from(from.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return parse(holder.getEncoded());
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("Building the certificate of key " + kid + " failed", e);
        }
    }

    private static X500Name name(String issuerName, String kid) {
        return new X500Name("CN=" + (issuerName + " SAML " + kid).replaceAll("[,=+<>#;\"\\\\]", "_"));
    }

    /** Base64 of the DER, as in {@code ds:X509Certificate}. */
    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate from Base64 DER or PEM text (whitespace ignored). */
    public static X509Certificate parse(String text) {
        String body = text.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        try {
            return parse(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new SamlRefused("certificate");
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new SamlRefused("certificate");
        }
    }
}
