package fr.ent.portal.federation;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.federation.boundary.OidcProvider;
import fr.ent.portal.security.SameOriginFilter;

/**
 * Cross-origin calls to the OpenID Connect endpoints, for clients that run in a browser (a single-page application
 * is a public client: PKCE, no secret). Discovery and JWKS are public documents: any origin may read them. The token
 * and userinfo endpoints may be called from script only by a page of the origin of a redirect URI of an enabled
 * public client ({@link OidcProvider#browserClientRedirectUris}, read again after {@link #REFRESH}); a preflight
 * from any other origin is refused (403) and its calls get no permission, so the browser keeps their answers from the
 * page. No credentials (cookies) are ever allowed: these endpoints take the client's proof (code verifier, bearer
 * token), never the portal's session. Declared in web.xml before {@code same-origin}.
 */
public class OidcCors extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final Duration REFRESH = Duration.ofSeconds(30);
    private static final Set<String> PUBLIC_DOCUMENTS = Set.of("/.well-known/openid-configuration", "/oidc/jwks");

    @EJB
    OidcProvider provider;

    private volatile Snapshot origins = new Snapshot(Set.of(), 0);

    private record Snapshot(Set<String> origins, long readAtNanos) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = SameOriginFilter.normalized(request.getHeader("Origin"));
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean preflight = "OPTIONS".equals(request.getMethod().toUpperCase(Locale.ROOT))
                && request.getHeader("Access-Control-Request-Method") != null;
        boolean publicDocument = PUBLIC_DOCUMENTS.contains(request.getServletPath());
        boolean allowed = publicDocument || allowedOrigins().contains(origin);
        response.addHeader("Vary", "Origin");
        if (!allowed) {
            if (preflight) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", publicDocument ? "*" : origin);
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", publicDocument ? "GET" : "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
            response.setHeader("Access-Control-Max-Age", "600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", "WWW-Authenticate");
        chain.doFilter(request, response);
    }

    private Set<String> allowedOrigins() {
        Snapshot current = origins;
        long now = System.nanoTime();
        if (current.readAtNanos() == 0 || now - current.readAtNanos() > REFRESH.toNanos()) {
            Set<String> read = provider.browserClientRedirectUris().stream().map(SameOriginFilter::normalized)
                    .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
            current = new Snapshot(read, now == 0 ? 1 : now);
            origins = current;
        }
        return current.origins();
    }
}
