package fr.ent.portal.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Cross-site requests that change something are refused before any page or servlet sees them: a POST (or any method
 * but GET, HEAD, OPTIONS) whose {@code Origin} header names another site, or {@code null}, gets the stale-form page
 * (400) and nothing is done. Browsers send {@code Origin} with every cross-origin POST; a request without it (a script,
 * an old browser) goes on to the other checks (view state, script nonce, session). The portal's own origins are the
 * request's (scheme through the trusted proxies, {@code Host}) and that of {@code ent.public.url}.
 */
/* Declared in web.xml, where the filters' order is fixed. */
public class SameOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /**
     * The SAML HTTP-POST binding is a cross-site POST by definition (a service provider's page posts the request):
     * its own signature, age and replay checks protect it, and it changes nothing before the person's session does.
     * The OpenID Connect token and userinfo endpoints take the client's own proof (secret, code verifier, bearer
     * token), never the portal's cookies, so a cross-site POST cannot act for anyone; which pages may read their
     * answers is {@code federation.OidcCors}'s decision.
     */
    private static final Set<String> CROSS_SITE_BINDINGS = Set.of("/saml/sso", "/saml/slo", "/oidc/token", "/oidc/userinfo");

    @Inject
    Settings settings;

    @Inject
    Clients clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
                && !CROSS_SITE_BINDINGS.contains(request.getServletPath())
                && !accepted(origin, ownOrigin(request), settings.get(Setting.PUBLIC_URL))) {
            request.getRequestDispatcher("/error/stale-form").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private String ownOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null ? null : (clients.secure(request) ? "https" : "http") + "://" + host;
    }

    /** Whether {@code origin} (an Origin header) is the request's own origin or the portal's public one. */
    static boolean accepted(String origin, String requestOrigin, String publicUrl) {
        String typed = normalized(origin);
        return typed != null && (typed.equals(normalized(requestOrigin)) || typed.equals(normalized(publicUrl)));
    }

    /** scheme://host[:port] in lower case, the default port left out; null when it is not such an origin. */
    public static String normalized(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException notAnOrigin) {
            return null;
        }
    }
}
