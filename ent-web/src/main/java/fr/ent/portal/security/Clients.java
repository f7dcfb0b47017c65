package fr.ent.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import fr.ent.portal.platform.Client;
import fr.ent.portal.signin.boundary.SignInProtection;
import fr.ent.portal.signin.control.ClientAddress;

/** Who sent this request: the client address through the configured trusted proxies, the browser, the language. */
@ApplicationScoped
public class Clients {

    @Inject
    SignInProtection protection;

    public Client of(HttpServletRequest request) {
        java.util.List<String> forwarded = java.util.Collections.list(request.getHeaders("X-Forwarded-For"));
        String ip = ClientAddress.resolve(request.getRemoteAddr(), forwarded.isEmpty() ? null : String.join(",", forwarded),
                protection.trustedProxies());
        return new Client(ip, request.getHeader("User-Agent"), Languages.of(request));
    }

    /** Whether the browser reached the portal over HTTPS (directly or through a trusted proxy). */
    public boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(forwarded)
                && protection.trustedProxies().stream().anyMatch(proxy -> proxy.contains(request.getRemoteAddr()));
    }

    /**
     * The one place that builds the portal's cookies: Path = the portal's root, HttpOnly, SameSite=Lax, Secure over HTTPS;
     * max age 0 clears it, -1 keeps it for the browser session.
     */
    public jakarta.servlet.http.Cookie newCookie(HttpServletRequest request, String name, String value, int maxAge) {
        jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(secure(request));
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    public static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
