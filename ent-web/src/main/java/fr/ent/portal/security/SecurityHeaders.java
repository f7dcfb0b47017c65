package fr.ent.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The headers of every answer: no framing, no MIME sniffing, a strict referrer policy, a Content-Security-Policy, and
 * HSTS behind HTTPS. Faces pages get a second policy from PrimeFaces' CSP mode ({@code script-src 'self' 'nonce-…'}):
 * a browser enforces both, so an inline script runs only with the page's nonce, although the policy set here for them
 * must name {@code 'unsafe-inline'} (a policy without it would block the nonce's scripts too). Every other answer (the
 * portal's own servlets: waiting room, stale-form page, CAS pages, redirects; health and metrics) has no inline script
 * and gets {@link #PLAIN_CSP}, whose {@code script-src} is {@code 'self'} only. Set by {@link SecurityHeadersFilter} (requests, forwards and error
 * pages) and by {@link PortalAuthenticationMechanism} (its redirects to /login and the container's refusals come
 * before any filter).
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final String REST = "img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** Faces pages: scripts are further limited to the nonce by PrimeFaces' own policy header. */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; " + REST;
    /** The portal's plain servlets: no inline script at all. */
    public static final String PLAIN_CSP = "default-src 'self'; script-src 'self'; " + REST;

    private static final String FACES_SERVLET = "jakarta.faces.webapp.FacesServlet";

    @Inject
    Settings settings;

    @Inject
    Clients clients;

    /** Sets the headers for the page or servlet that answers (again: each call replaces the previous values). */
    public void apply(HttpServletRequest request, HttpServletResponse response) {
        apply(request, response, facesPage(request));
    }

    /**
     * Before any page runs (the authentication mechanism: its redirects and the container's refusals answer without
     * a page): the strict policy; the filter sets the page's own afterwards.
     */
    public void applyBeforeAnyPage(HttpServletRequest request, HttpServletResponse response) {
        apply(request, response, false);
    }

    private void apply(HttpServletRequest request, HttpServletResponse response, boolean facesPage) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader("Content-Security-Policy", facesPage ? CSP : PLAIN_CSP);
        if (settings.getBoolean(Setting.HTTPS) || clients.secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /** Whether Faces answers the request (its error pages too: the filter runs again for the error dispatch). */
    private static boolean facesPage(HttpServletRequest request) {
        ServletRegistration registration = request.getServletContext()
                .getServletRegistration(request.getHttpServletMapping().getServletName());
        return registration != null && FACES_SERVLET.equals(registration.getClassName());
    }
}
