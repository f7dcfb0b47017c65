package fr.ent.portal.mfa.control;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

/**
 * Issue 24's bad input at the ceremony (webauthn4j does the checks; these show the portal asks for them): an answer
 * from another origin or for another RP id, an assertion signed by another authenticator's key (a passkey registered
 * to another account), a counter that went backwards (a clone). The answers are made here as an authenticator and a
 * browser would: a P-256 key, "none" attestation, {@code PublicKeyCredential.toJSON()}'s form.
 */
class PasskeyCeremonyTest {

    private static final String RP_ID = "ent.example.fr";
    private static final String ORIGIN = "https://ent.example.fr";
    private static final PasskeyCeremony CEREMONY = new PasskeyCeremony(RP_ID, Set.of(ORIGIN));
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aRightRegistrationAndSignInPassAndTheCounterIsReturned() throws Exception {
        Authenticator phone = new Authenticator();
        byte[] challenge = challenge();
        PasskeyCeremony.NewCredential credential = CEREMONY.register(phone.registration(challenge, ORIGIN, RP_ID), challenge);
        assertEquals(B64URL.encodeToString(phone.credentialId), credential.credentialId());

        byte[] signInChallenge = challenge();
        String assertion = phone.assertion(signInChallenge, ORIGIN, RP_ID, 7);
        PasskeyCeremony.Claim claim = PasskeyCeremony.signInClaim(assertion);
        assertArrayEquals(signInChallenge, claim.challenge());
        assertEquals(7, CEREMONY.signIn(assertion, signInChallenge, credential.credentialData(), credential.signCount()));
    }

    @Test
    void anAnswerFromAnotherOriginIsRefused() throws Exception {
        Authenticator phone = new Authenticator();
        byte[] challenge = challenge();
        assertRefused(PasskeyCeremony.Refusal.INVALID, () -> CEREMONY.register(
                phone.registration(challenge, "https://ent.example.fr.evil.example", RP_ID), challenge));

        PasskeyCeremony.NewCredential credential = registered(phone);
        byte[] signIn = challenge();
        assertRefused(PasskeyCeremony.Refusal.INVALID, () -> CEREMONY.signIn(
                phone.assertion(signIn, "http://ent.example.fr", RP_ID, 1), signIn, credential.credentialData(), 0));
    }

    @Test
    void anAnswerForAnotherRelyingPartyIsRefused() throws Exception {
        Authenticator phone = new Authenticator();
        byte[] challenge = challenge();
        assertRefused(PasskeyCeremony.Refusal.INVALID, () -> CEREMONY.register(
                phone.registration(challenge, ORIGIN, "evil.example"), challenge));

        PasskeyCeremony.NewCredential credential = registered(phone);
        byte[] signIn = challenge();
        assertRefused(PasskeyCeremony.Refusal.INVALID, () -> CEREMONY.signIn(
                phone.assertion(signIn, ORIGIN, "example.fr", 1), signIn, credential.credentialData(), 0));
    }

    @Test
    void anAnswerToAnotherChallengeIsRefused() throws Exception {
        Authenticator phone = new Authenticator();
        PasskeyCeremony.NewCredential credential = registered(phone);
        byte[] signIn = challenge();
        assertRefused(PasskeyCeremony.Refusal.INVALID, () -> CEREMONY.signIn(
                phone.assertion(signIn, ORIGIN, RP_ID, 1), challenge(), credential.credentialData(), 0));
    }

    @Test
    void anAssertionSignedByAnotherAuthenticatorIsRefused() throws Exception {
        Authenticator mine = new Authenticator();
        Authenticator another = new Authenticator();
        PasskeyCeremony.NewCredential theirs = registered(another);
        byte[] signIn = challenge();
        assertRefused(PasskeyCeremony.Refusal.INVALID, () -> CEREMONY.signIn(
                mine.assertion(signIn, ORIGIN, RP_ID, 1), signIn, theirs.credentialData(), 0));
    }

    @Test
    void aCounterThatDidNotGrowIsAClone() throws Exception {
        Authenticator phone = new Authenticator();
        PasskeyCeremony.NewCredential credential = registered(phone);
        byte[] signIn = challenge();
        assertRefused(PasskeyCeremony.Refusal.COUNTER_WENT_BACKWARDS, () -> CEREMONY.signIn(
                phone.assertion(signIn, ORIGIN, RP_ID, 4), signIn, credential.credentialData(), 5));
    }

    @Test
    void garbageIsMalformed() {
        assertRefused(PasskeyCeremony.Refusal.MALFORMED, () -> PasskeyCeremony.signInClaim("{\"id\":\"AAAA\"}"));
        assertRefused(PasskeyCeremony.Refusal.MALFORMED, () -> PasskeyCeremony.registrationChallenge("not json"));
    }

    private static PasskeyCeremony.NewCredential registered(Authenticator authenticator) throws Exception {
        byte[] challenge = challenge();
        return CEREMONY.register(authenticator.registration(challenge, ORIGIN, RP_ID), challenge);
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertRefused(PasskeyCeremony.Refusal expected, Call call) {
        PasskeyCeremony.Refused refused = assertThrows(PasskeyCeremony.Refused.class, call::run);
        assertEquals(expected, refused.reason(), () -> "refused for " + refused.reason() + ": " + refused.getCause());
    }

    private static byte[] challenge() {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        return challenge;
    }

    /** A platform authenticator with one P-256 credential and user verification, answering as a browser would. */
    private static final class Authenticator {
        private static final byte UP = 0x01;
        private static final byte UV = 0x04;
        private static final byte AT = 0x40;

        final KeyPair keys;
        final byte[] credentialId = new byte[16];
        final byte[] userHandle = new byte[16];

        Authenticator() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
            RANDOM.nextBytes(credentialId);
            RANDOM.nextBytes(userHandle);
        }

        String registration(byte[] challenge, String origin, String rpId) throws Exception {
            AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                    EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
            AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
                    new AuthenticatorData<>(sha256(rpId.getBytes(UTF_8)), (byte) (UP | UV | AT), 0, attested);
            byte[] attestation = new AttestationObjectConverter(CONVERTER).convertToBytes(
                    new AttestationObject(data, new NoneAttestationStatement()));
            String id = B64URL.encodeToString(credentialId);
            return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"response\":{"
                    + "\"clientDataJSON\":\"" + clientData("webauthn.create", challenge, origin) + "\","
                    + "\"attestationObject\":\"" + B64URL.encodeToString(attestation) + "\",\"transports\":[\"internal\"]},"
                    + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{}}";
        }

        String assertion(byte[] challenge, String origin, String rpId, long counter) throws Exception {
            byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(
                    new AuthenticatorData<>(sha256(rpId.getBytes(UTF_8)), (byte) (UP | UV), counter));
            String clientData = clientData("webauthn.get", challenge, origin);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(Base64.getUrlDecoder().decode(clientData)));
            String id = B64URL.encodeToString(credentialId);
            return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"response\":{"
                    + "\"clientDataJSON\":\"" + clientData + "\","
                    + "\"authenticatorData\":\"" + B64URL.encodeToString(authenticatorData) + "\","
                    + "\"signature\":\"" + B64URL.encodeToString(signer.sign()) + "\","
                    + "\"userHandle\":\"" + B64URL.encodeToString(userHandle) + "\"},"
                    + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{}}";
        }

        private static String clientData(String type, byte[] challenge, String origin) {
            String json = "{\"type\":\"" + type + "\",\"challenge\":\"" + B64URL.encodeToString(challenge)
                    + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}";
            return B64URL.encodeToString(json.getBytes(UTF_8));
        }

        private static byte[] sha256(byte[] value) throws Exception {
            return MessageDigest.getInstance("SHA-256").digest(value);
        }
    }
}
