package fr.ent.portal.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Headers on every answer: no framing, no MIME sniffing, a strict referrer policy, a Content-Security-Policy, and HSTS
 * behind HTTPS. Faces pages get a second policy from PrimeFaces' CSP mode ({@code script-src 'self' 'nonce-…'}): a
 * browser enforces both, so an inline script runs only with the page's nonce, although this filter's policy for them
 * must name {@code 'unsafe-inline'} (a policy without it would block the nonce's scripts too). The portal's own
 * servlets (waiting room, stale-form page, CAS pages, redirects) write no inline script and get
 * {@link #PLAIN_CSP}, whose {@code script-src} is {@code 'self'} only.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String REST = "img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Faces pages: scripts are further limited to the nonce by PrimeFaces' own policy header. */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; " + REST;
    /** The portal's plain servlets: no inline script at all. */
    public static final String PLAIN_CSP = "default-src 'self'; script-src 'self'; " + REST;

    @Inject
    Settings settings;

    @Inject
    Clients clients;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.addHeader("Content-Security-Policy", ownServlet(request) ? PLAIN_CSP : CSP);
        if (settings.getBoolean(Setting.HTTPS) || clients.secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    /** Whether the request goes to one of the portal's own servlets (not Faces, not the container's). */
    private static boolean ownServlet(HttpServletRequest request) {
        var registration = request.getServletContext().getServletRegistration(request.getHttpServletMapping().getServletName());
        return registration != null && registration.getClassName() != null
                && registration.getClassName().startsWith("fr.ent.portal.");
    }
}
