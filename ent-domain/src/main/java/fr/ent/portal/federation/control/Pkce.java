package fr.ent.portal.federation.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

/**
 * Proof Key for Code Exchange (RFC 7636), method {@code S256} only ({@code plain} gives no protection when the
 * authorization request is seen). Public clients must use it; a confidential client that sent a challenge must send
 * its verifier.
 */
public final class Pkce {

    private Pkce() {
    }

    /** Why an authorization request's PKCE parameters are refused, or null when they are acceptable. */
    public static String refusal(String challenge, String method, boolean publicClient) {
        if (challenge == null || challenge.isEmpty()) {
            return publicClient ? "pkce_required" : null;
        }
        if (!CodeChallengeMethod.S256.getValue().equals(method)) {
            return "pkce_method";
        }
        // the S256 challenge is BASE64URL(SHA-256(verifier)): 43 characters, no padding
        if (challenge.length() != 43 || !challenge.chars().allMatch(Pkce::base64Url)) {
            return "pkce_challenge";
        }
        return null;
    }

    /** True when the verifier answers the challenge stored with the code (or when neither was used). */
    public static boolean verifies(String storedChallenge, String verifier) {
        if (storedChallenge == null) {
            return verifier == null || verifier.isEmpty();
        }
        if (verifier == null) {
            return false;
        }
        CodeVerifier parsed;
        try {
            parsed = new CodeVerifier(verifier);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        String computed = CodeChallenge.compute(CodeChallengeMethod.S256, parsed).getValue();
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                storedChallenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean base64Url(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
