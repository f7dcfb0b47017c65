package fr.ent.portal.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.omnifaces.util.Faces;

import fr.ent.portal.security.Languages;

/** The language of the page ({@link Languages}: the person's choice, else the browser's, else French), the way back. */
@Named("language")
@RequestScoped
public class LanguageBacking {

    public static final String COOKIE = Languages.COOKIE;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = resolve(Faces.getRequestCookie(COOKIE), Faces.getRequestHeader("Accept-Language"));
        }
        return locale;
    }

    /** The language of a request outside Faces (servlets, error pages): {@link Languages#of}. */
    public static Locale of(HttpServletRequest request) {
        return Languages.of(request);
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

    /** {@link Languages#resolve}. */
    public static Locale resolve(String chosen, String acceptLanguage) {
        return Languages.resolve(chosen, acceptLanguage);
    }
}
