package fr.ent.portal.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;

/**
 * The language of the page: the person's choice (cookie {@value #COOKIE}) if any, else the best match
 * of the browser's languages among French and English, else French.
 */
@Named("language")
@RequestScoped
public class LanguageBacking {

    public static final String COOKIE = "ent_lang";
    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = resolve(Faces.getRequestCookie(COOKIE), Faces.getRequestHeader("Accept-Language"));
        }
        return locale;
    }

    /** The language of a request outside Faces (servlets, error pages): the same rule as {@link #getLocale()}. */
    public static Locale of(HttpServletRequest request) {
        String chosen = null;
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    chosen = cookie.getValue();
                }
            }
        }
        return resolve(chosen, request.getHeader("Accept-Language"));
    }

    /**
     * Where the language switcher comes back to: this page's address with its query (the address the browser asked
     * for, also when an error page or a forward answers it).
     */
    public String getHere() {
        HttpServletRequest request = Faces.getRequest();
        Object error = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (error != null) {
            return strip(request, error.toString());
        }
        Object forward = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String path = strip(request, forward != null ? forward.toString() : request.getRequestURI());
        Object query = forward != null ? request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING) : request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    /** {@link #getHere()} as a query parameter value. */
    public String getHereEncoded() {
        return URLEncoder.encode(getHere(), StandardCharsets.UTF_8);
    }

    private static String strip(HttpServletRequest request, String uri) {
        String context = request.getContextPath();
        return !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    public static Locale resolve(String chosen, String acceptLanguage) {
        if (chosen != null) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(chosen)) {
                    return supported;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header falls back on French
            }
        }
        return Locale.FRENCH;
    }
}
