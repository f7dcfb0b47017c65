package fr.ent.portal.federation.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An AuthnRequest already checked (signature, service provider, ACS, age, replay), waiting for the portal's own steps
 * (sign-in, establishment choice): the provider, the request's ID (null for an IdP-initiated start), the relay state
 * whether a fresh sign-in was asked for ({@code ForceAuthn}) and whether the provider forbade any interaction
 * ({@code IsPassive}: no sign-in page, no establishment choice; a {@code NoPassive} answer instead), and the
 * authentication context it asked for ({@code RequestedAuthnContext}, null: none). Kept signed in the browser by the
 * web layer; the provider and its ACS are read again from the registry when the answer is made.
 */
public record SamlPending(String spEntityId, String requestId, String relayState, boolean forceAuthn,
                          boolean passive, RequestedAuthnContext authnContext) {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Without a requested authentication context. */
    public SamlPending(String spEntityId, String requestId, String relayState, boolean forceAuthn, boolean passive) {
        this(spEntityId, requestId, relayState, forceAuthn, passive, null);
    }

    public String encode() {
        return field(spEntityId) + "." + field(requestId) + "." + field(relayState) + "." + (forceAuthn ? "1" : "0")
                + "." + (passive ? "1" : "0") + "." + field(authnContext == null ? null : authnContext.encode());
    }

    /** What {@link #encode} wrote (also without the sixth field: a cookie kept before it existed). */
    public static Optional<SamlPending> decode(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 5 && parts.length != 6) {
            return Optional.empty();
        }
        try {
            String sp = value(parts[0]);
            RequestedAuthnContext context = parts.length == 6 ? RequestedAuthnContext.decode(value(parts[5])) : null;
            return sp == null ? Optional.empty()
                    : Optional.of(new SamlPending(sp, value(parts[1]), value(parts[2]), "1".equals(parts[3]),
                    "1".equals(parts[4]), context));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String field(String value) {
        return value == null ? "" : B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(String field) {
        return field.isEmpty() ? null : new String(Base64.getUrlDecoder().decode(field), StandardCharsets.UTF_8);
    }
}
