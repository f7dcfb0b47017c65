package fr.ent.portal.metrics;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.signin.control.Cidr;
import fr.ent.portal.signin.control.ManagementAccess;
import fr.ent.portal.signin.boundary.SignInProtection;

/**
 * {@code /metrics} and {@code /openapi} (Payara adds their servlets to the application at the root context) answer
 * only to the clients of {@code ent.http.management-allowlist} (loopback by default); anyone else gets 404, as for an
 * address that does not exist. The request is judged by the servlet it reaches (whatever spelling of the path led
 * there) and by the client address resolved through the trusted proxies.
 */
/* Declared in web.xml, where the filters' order is fixed. */
public class ManagementEndpointsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The servlet names Payara's MicroProfile Metrics and OpenAPI register. */
    static final Set<String> MANAGEMENT_SERVLETS = Set.of("microprofile-metrics-resource", "microprofile-openapi-servlet");

    @Inject
    Settings settings;

    @Inject
    SignInProtection protection;

    private volatile ManagementAccess access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (managementEndpoint(request)) {
            List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
            if (!access().allows(request.getRemoteAddr(), forwarded.isEmpty() ? null : String.join(",", forwarded))) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean managementEndpoint(HttpServletRequest request) {
        String servlet = request.getHttpServletMapping() == null ? null : request.getHttpServletMapping().getServletName();
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return MANAGEMENT_SERVLETS.contains(servlet) || path.equals("/metrics") || path.startsWith("/metrics/")
                || path.equals("/openapi") || path.startsWith("/openapi/");
    }

    private ManagementAccess access() {
        ManagementAccess current = access;
        if (current == null) {
            List<Cidr> allowlist;
            try {
                allowlist = Cidr.parseList(settings.get(Setting.HTTP_MANAGEMENT_ALLOWLIST));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Setting " + Setting.HTTP_MANAGEMENT_ALLOWLIST.key() + " ("
                        + Setting.HTTP_MANAGEMENT_ALLOWLIST.environmentVariable() + "): " + e.getMessage(), e);
            }
            current = new ManagementAccess(allowlist, protection.trustedProxies());
            access = current;
        }
        return current;
    }
}
