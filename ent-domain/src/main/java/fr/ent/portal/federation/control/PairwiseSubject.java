package fr.ent.portal.federation.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code sub} a client sees: HMAC-SHA256(portal key, client id + account id), Base64url. Stable for one person and
 * one client (across establishments and years), different for two clients, so that two services cannot join their
 * records on it, and opaque: it reveals neither the account id nor the identifier.
 */
public final class PairwiseSubject {

    private final byte[] key;

    public PairwiseSubject(byte[] key) {
        this.key = key.clone();
    }

    public String of(String clientId, long accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((clientId + "\n" + accountId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
