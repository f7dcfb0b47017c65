package fr.ent.portal.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import fr.ent.portal.account.boundary.Accounts;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;

/**
 * Ends a signed-in session opened before the account's "sessions valid after" instant (set by a password reset):
 * compares the session's sign-in time with the account's, reading the account at most every {@link #RECHECK_MILLIS}
 * per session, and sends the browser to /login.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SessionRevocationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long RECHECK_MILLIS = 2_000;
    static final String CHECKED_AT = "ent.sessionCheckedAt";

    @EJB
    Accounts accounts;

    @EJB
    AuditTrail audit;

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null && revoked(session, request.getUserPrincipal().getName())) {
            Client client = clients.of(request);
            audit.record(AuditEventType.SESSION_REVOKED, null, request.getUserPrincipal().getName(), client.ip(),
                    client.userAgent(), "password-reset");
            session.invalidate();
            response.sendRedirect(request.getContextPath() + "/login?signedOut=true");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean revoked(HttpSession session, String identifier) {
        long now = clock.millis();
        Long checkedAt = (Long) session.getAttribute(CHECKED_AT);
        if (checkedAt != null && now - checkedAt < RECHECK_MILLIS) {
            return false;
        }
        Instant validAfter = accounts.sessionsValidAfter(identifier);
        session.setAttribute(CHECKED_AT, now);
        if (validAfter == null) {
            return false;
        }
        Instant signedInAt = (Instant) session.getAttribute(Sessions.SIGNED_IN_AT);
        return signedInAt == null || signedInAt.isBefore(validAfter);
    }
}
