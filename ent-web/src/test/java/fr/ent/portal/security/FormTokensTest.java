package fr.ent.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

import fr.ent.portal.keys.boundary.SigningKeys;

/** Issue 21, item 3: the public forms' anti-forgery token, bound to the browser's cookie, signed, with an expiry. */
class FormTokensTest {

    static final Instant NOW = Instant.parse("2026-12-07T07:55:00Z");

    FormTokens tokens(Instant now, byte fill) {
        Signatures signatures = new Signatures();
        signatures.keys = new SigningKeys() {
            @Override
            public fr.ent.portal.keys.control.SealedValues sealer(String purpose) {
                byte[] key = new byte[32];
                java.util.Arrays.fill(key, fill);
                return new fr.ent.portal.keys.control.SealedValues(purpose, key);
            }
        };
        FormTokens tokens = new FormTokens();
        tokens.signatures = signatures;
        tokens.clock = Clock.fixed(now, ZoneOffset.UTC);
        java.lang.reflect.Field validity;
        try {
            validity = FormTokens.class.getDeclaredField("validity");
            validity.setAccessible(true);
            validity.set(tokens, Duration.ofHours(2));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return tokens;
    }

    static HttpServletRequest request(String binding, String token) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(FormTokensTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> binding == null ? null : new Cookie[] {new Cookie(FormTokens.COOKIE, binding)};
                    case "getParameter" -> FormTokens.PARAMETER.equals(args[0]) ? token : null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    @Test
    void aTokenIsValidOnlyForItsBindingItsKeyAndItsTime() {
        FormTokens tokens = tokens(NOW, (byte) 1);
        String token = tokens.token(request("binding-A", null));
        assertEquals(FormTokens.Status.VALID, tokens.check(request("binding-A", token)));
        assertEquals(FormTokens.Status.MISSING, tokens.check(request("binding-A", null)));
        assertEquals(FormTokens.Status.MISSING, tokens.check(request("binding-A", "")));
        assertEquals(FormTokens.Status.UNBOUND, tokens.check(request(null, token)), "cookie gone (signed out)");
        assertEquals(FormTokens.Status.FORGED, tokens.check(request("binding-B", token)), "another browser's form");
        assertEquals(FormTokens.Status.FORGED, tokens.check(request("binding-A", "9999999999.AAAA")));
        assertEquals(FormTokens.Status.FORGED, tokens.check(request("binding-A", "not-a-token")));
        assertEquals(FormTokens.Status.FORGED, tokens(NOW, (byte) 2).check(request("binding-A", token)), "other key");
        String expiry = token.substring(0, token.indexOf('.'));
        String later = (Long.parseLong(expiry) + 3600) + token.substring(token.indexOf('.'));
        assertEquals(FormTokens.Status.FORGED, tokens.check(request("binding-A", later)), "expiry moved");
        assertEquals(FormTokens.Status.VALID,
                tokens(NOW.plus(Duration.ofHours(2)), (byte) 1).check(request("binding-A", token)));
        assertEquals(FormTokens.Status.EXPIRED,
                tokens(NOW.plus(Duration.ofHours(2)).plusSeconds(1), (byte) 1).check(request("binding-A", token)));
    }

    /** The help forms act once per sending (FormSubmissions): each rendering's token must be its own. */
    @Test
    void eachRenderingHasItsOwnTokenAndItsNonceIsSigned() {
        FormTokens tokens = tokens(NOW, (byte) 1);
        String first = tokens.token(request("binding-A", null));
        String second = tokens.token(request("binding-A", null));
        assertNotEquals(first, second, "two renderings in the same second");
        assertEquals(FormTokens.Status.VALID, tokens.check(request("binding-A", second)));
        String[] parts = first.split("\\.");
        assertEquals(3, parts.length, first);
        String otherNonce = parts[0] + "." + second.split("\\.")[1] + "." + parts[2];
        assertEquals(FormTokens.Status.FORGED, tokens.check(request("binding-A", otherNonce)), "nonce swapped");
        assertEquals(FormTokens.Status.FORGED, tokens.check(request("binding-A", parts[0] + "." + parts[2])),
                "nonce removed");
        assertEquals(FormTokens.Status.FORGED, tokens.check(request("binding-A", parts[0] + ".." + parts[2])),
                "empty nonce");
    }

    @Test
    void noBindingNoToken() {
        assertEquals("", tokens(NOW, (byte) 1).token(request(null, null)));
    }
}
