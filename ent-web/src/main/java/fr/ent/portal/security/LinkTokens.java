package fr.ent.portal.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.credential.control.Tokens;

/**
 * Issue 20, item 8: the token of a mailed link ({@code /reset?token=…}, {@code /verify-email?token=…}) leaves the URL at
 * once. The first GET puts a well-formed token in a short-lived cookie of that page only (HttpOnly, SameSite=Lax, Secure
 * behind HTTPS, {@code Path=/reset} or {@code /verify-email}, {@link #MAX_AGE}) and answers 303 to the same page without
 * the token, so the address bar, the history, the server's and proxies' access logs and any later Referer carry no
 * secret. The page's bean then reads the token from the cookie ({@link #read}) and clears it once used. A malformed
 * token is not kept (the page then says "link not valid", as before).
 */
/* Declared in web.xml, where the filters' order is fixed. */
public class LinkTokens extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Long enough to read the page and choose a password; the link itself stays valid its own time. */
    static final Duration MAX_AGE = Duration.ofMinutes(15);

    /** The page (without extension) → its cookie. */
    static final Map<String, String> COOKIES = Map.of("/reset", "ent_reset", "/verify-email", "ent_verify");

    @Inject
    Clients clients;

    @Inject
    SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = request.getParameter("token");
        if (!"GET".equals(request.getMethod()) || token == null) {
            chain.doFilter(request, response);
            return;
        }
        String page = page(request);
        response.addCookie(cookie(request, page, Tokens.wellFormed(token) ? token : "", Tokens.wellFormed(token)
                ? (int) MAX_AGE.toSeconds() : 0));
        headers.applyBeforeAnyPage(request, response);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + page);
    }

    /** The token the link's first GET left for this page, or null. */
    public static String read(HttpServletRequest request, String page) {
        return Clients.cookie(request, COOKIES.get(page));
    }

    /** Forgets the token of this page (after its use). */
    public static void clear(Clients clients, HttpServletRequest request, HttpServletResponse response, String page) {
        response.addCookie(cookie(clients, request, page, "", 0));
    }

    private Cookie cookie(HttpServletRequest request, String page, String value, int maxAge) {
        return cookie(clients, request, page, value, maxAge);
    }

    private static Cookie cookie(Clients clients, HttpServletRequest request, String page, String value, int maxAge) {
        Cookie cookie = clients.newCookie(request, COOKIES.get(page), value, maxAge);
        cookie.setPath(request.getContextPath() + page);
        return cookie;
    }

    private static String page(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.startsWith("/reset") ? "/reset" : "/verify-email";
    }
}
