package fr.ent.portal.federation.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Redirect URIs of OpenID Connect clients. At registration: an absolute {@code https} URI without fragment or user
 * info, or {@code http} on the loopback address only (a native application, RFC 8252). At authorization: the exact
 * string registered, character for character (no prefix, no normalisation, no case folding), as OAuth 2.0 Security
 * Best Current Practice asks.
 */
public final class RedirectUris {

    public static final int MAX_LENGTH = 2000;

    private RedirectUris() {
    }

    /** True when {@code uri} is, character for character, one of {@code registered}. */
    public static boolean exactMatch(List<String> registered, String uri) {
        return uri != null && !uri.isEmpty() && registered.stream().anyMatch(uri::equals);
    }

    /** Why this URI may not be registered (a message key), or empty when it may. */
    public static Optional<String> refusal(String uri) {
        if (uri == null || uri.isBlank() || uri.length() > MAX_LENGTH) {
            return Optional.of("admin.oidc.error.redirect_invalid");
        }
        if (!uri.equals(uri.strip()) || uri.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.of("admin.oidc.error.redirect_invalid");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("admin.oidc.error.redirect_invalid");
        }
        if (!parsed.isAbsolute() || parsed.isOpaque() || parsed.getHost() == null || parsed.getRawFragment() != null
                || parsed.getRawUserInfo() != null) {
            return Optional.of("admin.oidc.error.redirect_invalid");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if ("https".equals(scheme)) {
            return Optional.empty();
        }
        if ("http".equals(scheme) && loopback(parsed.getHost())) {
            return Optional.empty();
        }
        return Optional.of("admin.oidc.error.redirect_https");
    }

    private static boolean loopback(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host) || "localhost".equalsIgnoreCase(host);
    }
}
