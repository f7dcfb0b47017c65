package fr.ent.portal.admission;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.metrics.PortalMetrics;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.security.PlainPage;

/**
 * Issue 21, item 4: the anonymous work in front of the password hash is bounded, so that the hash slots keep their
 * CPU under a storm. At most {@code ent.admission.edge-concurrency} requests (2 per processor by default) of the
 * public pages run at once — the sign-in form's renders, the waiting room's polls, the other public pages and their
 * form posts; one more is answered at once with 503 and a {@code Retry-After} of {@value #RETRY_MIN}-{@value #RETRY_MAX}
 * seconds, before any page work. Not counted: the sign-in page answered from its kept rendering ({@code LoginPageCache},
 * before this filter), sign-in POSTs (bounded by the admission gate itself, where they wait),
 * static resources, signed-in people. {@code 0} turns the bound off.
 */
public class EdgeLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final int RETRY_MIN = 1;
    static final int RETRY_MAX = 5;

    /** The public pages whose anonymous requests are bounded (with and without extension). */
    static final Set<String> BOUNDED = Set.of("", "/", "/login", "/login.xhtml", WaitingRoom.PATH, "/help",
            "/help.xhtml", "/help/password", "/help/password.xhtml", "/help/identifier", "/help/identifier.xhtml",
            "/reset", "/reset.xhtml", "/verify-email", "/verify-email.xhtml", "/first-connection",
            "/first-connection.xhtml", "/status", "/status.xhtml");

    @Inject
    Settings settings;

    @Inject
    PortalMetrics metrics;

    Semaphore permits;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        int limit = limit(settings.get(Setting.ADMISSION_EDGE_CONCURRENCY), Runtime.getRuntime().availableProcessors());
        permits = limit > 0 ? new Semaphore(limit) : null;
    }

    /** {@code auto} (or empty): 2 per processor; a number: that many; 0 (or below): no bound. */
    static int limit(String value, int processors) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty() || "auto".equalsIgnoreCase(v)) {
            return 2 * processors;
        }
        try {
            return Math.max(0, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + Setting.ADMISSION_EDGE_CONCURRENCY.key() + ": not a number or auto: "
                    + value, e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (permits == null || !bounded(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!permits.tryAcquire()) {
            metrics.signIn("edge_busy");
            response.setHeader("Retry-After", String.valueOf(ThreadLocalRandom.current().nextInt(RETRY_MIN, RETRY_MAX + 1)));
            response.setHeader("Cache-Control", "no-store");
            if (WaitingRoom.browser(request)) {
                PlainPage.error(request, response,
                        HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.busy");
            } else {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("busy\n");
            }
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    static boolean bounded(String method, String path, boolean signedIn) {
        if (signedIn || !BOUNDED.contains(path)) {
            return false;
        }
        // a sign-in POST waits in the admission gate, which bounds it
        return !("POST".equals(method) && AdmissionFilter.signInPage(path));
    }

    private static boolean bounded(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return bounded(request.getMethod(), path, request.getUserPrincipal() != null);
    }

    /** Permits free now (tests). */
    int available() {
        return permits == null ? Integer.MAX_VALUE : permits.availablePermits();
    }
}
