package fr.ent.portal.federation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import fr.ent.portal.federation.control.SamlPending;
import fr.ent.portal.keys.control.MasterKey;
import fr.ent.portal.keys.control.SealedValues;
import fr.ent.portal.security.Signatures;

/** Issue 22 item 2: the way back to /saml/resume is sealed by the one codec of signed values, for its own purpose. */
class SamlReturnTest {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final SamlPending PENDING = new SamlPending("https://sp.example.org/metadata", "_a1b2c3", "relay.state", true,
            false);

    static byte[] portalKey(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    /** The web's door to the codec, over a portal key made of {@code fill} (as SigningKeys#sealer gives it). */
    static Signatures signatures(byte fill) {
        return new Signatures() {
            @Override
            public String seal(String purpose, String... fields) {
                return new SealedValues(purpose, portalKey(fill)).seal(fields);
            }

            @Override
            public Optional<String[]> open(String purpose, String value, int count, int maxLength) {
                return new SealedValues(purpose, portalKey(fill)).open(value, count, maxLength);
            }
        };
    }

    static SamlReturn samlReturn(byte fill, Instant now) {
        SamlReturn samlReturn = new SamlReturn();
        samlReturn.signatures = signatures(fill);
        samlReturn.clock = Clock.fixed(now, ZoneOffset.UTC);
        return samlReturn;
    }

    static String field(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
    }

    @Test
    void aSealedRequestOpensWithSinceWhenItWaits() {
        SamlReturn samlReturn = samlReturn((byte) 1, NOW);
        Instant since = NOW.minusSeconds(60);
        assertEquals(Optional.of(new SamlReturn.Waiting(PENDING, since)), samlReturn.open(samlReturn.seal(PENDING, since)));
        assertEquals(Optional.of(new SamlReturn.Waiting(PENDING, null)), samlReturn.open(samlReturn.seal(PENDING, null)));
    }

    @Test
    void aValueSealedForAnotherPurposeIsRefused() {
        SamlReturn samlReturn = samlReturn((byte) 1, NOW);
        String[] fields = {"v1", Long.toString(NOW.getEpochSecond()), "0", field(PENDING.encode())};
        for (String other : new String[] {"oidc-return", "cas-return", "device-cookie", "form-token"}) {
            String sealed = new SealedValues(other, portalKey((byte) 1)).seal(fields);
            assertTrue(samlReturn.open(sealed).isEmpty(), "a value of the purpose " + other);
        }
        assertTrue(samlReturn.open(new SealedValues(SamlReturn.PURPOSE, portalKey((byte) 1)).seal(fields)).isPresent(),
                "the same fields sealed for the way back to SAML");
    }

    @Test
    void anythingElseIsRefused() {
        SamlReturn samlReturn = samlReturn((byte) 1, NOW);
        String value = samlReturn.seal(PENDING, null);
        assertTrue(samlReturn(((byte) 2), NOW).open(value).isEmpty(), "another portal's key");
        assertTrue(samlReturn((byte) 1, NOW.plusSeconds(SamlReturn.MAX_AGE_SECONDS + 1)).open(value).isEmpty(),
                "kept more than 30 minutes ago");
        String[] parts = value.split("\\.");
        parts[2] = Long.toString(NOW.getEpochSecond());
        assertTrue(samlReturn.open(String.join(".", parts)).isEmpty(), "a changed field");
        assertTrue(samlReturn.open(null).isEmpty());
        assertTrue(samlReturn.open("").isEmpty());
        assertTrue(samlReturn.open("v1.1.0.x").isEmpty(), "unsigned");
        assertTrue(samlReturn.open(value + "x".repeat(SamlReturn.MAX_VALUE)).isEmpty(), "too long");
    }

    /** Cookies set before the move to the one codec still open: the format and the purpose's key are unchanged. */
    @Test
    void aCookieOfTheFormerOwnHmacStillOpens() throws Exception {
        String text = "v1." + NOW.getEpochSecond() + ".0." + field(PENDING.encode());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MasterKey.derive(portalKey((byte) 1), SamlReturn.PURPOSE), "HmacSHA256"));
        String former = text + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(UTF_8)));
        SamlReturn samlReturn = samlReturn((byte) 1, NOW);
        assertEquals(former, samlReturn.seal(PENDING, null));
        assertEquals(Optional.of(new SamlReturn.Waiting(PENDING, null)), samlReturn.open(former));
    }
}
