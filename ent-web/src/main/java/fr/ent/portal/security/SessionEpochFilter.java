package fr.ent.portal.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import fr.ent.portal.myaccount.boundary.MyAccount;

/**
 * "Sign out everywhere": a signed-in session started before the account's {@code sessionsValidAfter} is ended on
 * its next request (one primary-key read per page; static resources are not checked), and the browser sent to
 * /login. Self-contained on purpose: a password reset may end sessions the same way.
 */
/* Declared in web.xml, where the filters' order is fixed. */
public class SessionEpochFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    Sessions sessions;

    @EJB
    MyAccount accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() != null && !path.startsWith("/jakarta.faces.resource/")) {
            Long accountId = sessions.accountId(request);
            Instant signedInAt = sessions.validSince(request); // the sign-in, or a later credential change it made
            if (accountId != null && signedInAt != null && !accounts.sessionValid(accountId, signedInAt)) {
                request.logout();
                Sessions.invalidate(request.getSession(false));
                response.sendRedirect(request.getContextPath() + "/login");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
