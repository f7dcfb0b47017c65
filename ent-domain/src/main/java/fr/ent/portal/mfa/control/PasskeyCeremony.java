package fr.ent.portal.mfa.control;

import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;

/**
 * The WebAuthn checks, all by webauthn4j (never by hand): a registration's attestation (origin, RP id, challenge, user
 * verification, algorithm) and a sign-in's assertion (the same, the signature with the stored public key, the counter
 * that must grow). No attestation trust chain is asked: families' phones and computers are welcome, whatever made them.
 */
public final class PasskeyCeremony {

    /** Why an answer was refused, for the audit trail and the message. */
    public enum Refusal { MALFORMED, INVALID, COUNTER_WENT_BACKWARDS }

    /** A refused answer. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Refusal reason;

        public Refused(Refusal reason, Throwable cause) {
            super(reason.name(), cause);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** A verified registration: what is stored. */
    public record NewCredential(String credentialId, String credentialData, long signCount) {
    }

    /** What an answer claims before it is verified: the challenge, and for a sign-in the credential and user handle. */
    public record Claim(byte[] challenge, String credentialId, byte[] userHandle) {
    }

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String rpId;
    private final Set<Origin> origins;

    /** @param origins {@code scheme://host[:port]} each */
    public PasskeyCeremony(String rpId, Set<String> origins) {
        this.rpId = rpId;
        this.origins = origins.stream().map(Origin::new).collect(Collectors.toUnmodifiableSet());
    }

    /** The COSE algorithm numbers offered at registration (ES256, EdDSA, RS256). */
    public static List<Long> algorithms() {
        return ALGORITHMS.stream().map(p -> p.getAlg().getValue()).toList();
    }

    /**
     * Verifies a registration answer ({@code PublicKeyCredential.toJSON()} of {@code navigator.credentials.create})
     * against the challenge the server issued.
     */
    public NewCredential register(String responseJson, byte[] challenge) throws Refused {
        RegistrationData data = parsedRegistration(responseJson);
        try {
            MANAGER.verify(data, new RegistrationParameters(server(challenge), ALGORITHMS, true, true));
        } catch (VerificationException e) {
            throw new Refused(Refusal.INVALID, e);
        }
        AttestedCredentialData credential = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        return new NewCredential(B64URL.encodeToString(credential.getCredentialId()),
                B64URL.encodeToString(new AttestedCredentialDataConverter(CONVERTER).convert(credential)),
                data.getAttestationObject().getAuthenticatorData().getSignCount());
    }

    /** Reads which challenge, credential and user a sign-in answer names (nothing is trusted yet). */
    public static Claim signInClaim(String responseJson) throws Refused {
        AuthenticationData data = parsedAuthentication(responseJson);
        try {
            return new Claim(data.getCollectedClientData().getChallenge().getValue(),
                    B64URL.encodeToString(data.getCredentialId()), data.getUserHandle());
        } catch (NullPointerException e) {
            throw new Refused(Refusal.MALFORMED, e);
        }
    }

    /** Reads which challenge a registration answer names (nothing is trusted yet). */
    public static byte[] registrationChallenge(String responseJson) throws Refused {
        RegistrationData data = parsedRegistration(responseJson);
        try {
            return data.getCollectedClientData().getChallenge().getValue();
        } catch (NullPointerException e) {
            throw new Refused(Refusal.MALFORMED, e);
        }
    }

    /**
     * Verifies a sign-in answer against the challenge and the stored credential; the authenticator's new counter.
     *
     * @throws Refused {@link Refusal#COUNTER_WENT_BACKWARDS} when the counter did not grow (a cloned authenticator)
     */
    public long signIn(String responseJson, byte[] challenge, String credentialData, long signCount) throws Refused {
        AuthenticationData data = parsedAuthentication(responseJson);
        AttestedCredentialData stored = new AttestedCredentialDataConverter(CONVERTER)
                .convert(Base64.getUrlDecoder().decode(credentialData));
        CredentialRecordImpl record = new CredentialRecordImpl(null, null, null, null, signCount, stored, null, null,
                null, null);
        try {
            MANAGER.verify(data, new AuthenticationParameters(server(challenge), record, null, true, true));
        } catch (MaliciousCounterValueException e) {
            throw new Refused(Refusal.COUNTER_WENT_BACKWARDS, e);
        } catch (VerificationException e) {
            throw new Refused(Refusal.INVALID, e);
        }
        return data.getAuthenticatorData().getSignCount();
    }

    /**
     * A registration answer as webauthn4j reads it. Whatever the parser throws on input that is not such an answer
     * (webauthn4j's {@code DataConversionException}, Jackson's own exceptions for text that is not JSON, a missing
     * part) is {@link Refusal#MALFORMED}, never a server error.
     */
    private static RegistrationData parsedRegistration(String responseJson) throws Refused {
        try {
            return MANAGER.parseRegistrationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            throw new Refused(Refusal.MALFORMED, e);
        }
    }

    /** A sign-in answer as webauthn4j reads it; anything the parser throws is {@link Refusal#MALFORMED}. */
    private static AuthenticationData parsedAuthentication(String responseJson) throws Refused {
        try {
            return MANAGER.parseAuthenticationResponseJSON(responseJson);
        } catch (RuntimeException e) {
            throw new Refused(Refusal.MALFORMED, e);
        }
    }

    private ServerProperty server(byte[] challenge) {
        return new ServerProperty(origins, rpId, new DefaultChallenge(challenge));
    }
}
