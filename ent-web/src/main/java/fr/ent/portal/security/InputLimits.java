package fr.ent.portal.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every cap on what a client sends, in one place (issue 21, item 9): the body of a request, checked by the
 * authentication mechanism before anything reads it, and the length of the typed fields the sign-in and help pages
 * accept. The multipart limits of web.xml's Faces servlet repeat {@link #UPLOAD_BODY} and {@link #UPLOAD_FILE}
 * (the container needs them as numbers there; {@code InputLimitsTest} keeps them equal).
 */
public final class InputLimits {

    /** An identifier typed on the sign-in page. */
    public static final int IDENTIFIER = 256;
    /** A password, or a code typed where one is expected. */
    public static final int SECRET = 1024;
    /** What a person types to find their account ("besoin d'aide"). */
    public static final int TYPED = 1024;

    /**
     * A form post or any other body, everywhere but an upload: the container's own form limit (Payara's
     * {@code max-post-size-bytes}, 2 MiB), so that a form it would read anyway still gets its page's own answer
     * (a huge typed value on /login: the usual message, {@code LoginFormIT}); only what it would refuse is answered 413.
     */
    public static final long FORM_BODY = 2 * 1024 * 1024;
    /** An upload (a registry file, a service provider's metadata): one file of at most {@link #UPLOAD_FILE} and the form. */
    public static final long UPLOAD_BODY = 17_301_504;
    public static final long UPLOAD_FILE = 16_777_216;

    /** The only addresses that take a file (multipart): the school's import, the region's SAML metadata upload. */
    static final java.util.Set<String> UPLOAD_PATHS = java.util.Set.of("/admin/import", "/admin/region/services");

    private InputLimits() {
    }

    /** The largest body this address takes. */
    public static long bodyLimit(String pathInContext) {
        if (pathInContext == null) {
            return FORM_BODY;
        }
        String page = pathInContext.endsWith(".xhtml") ? pathInContext.substring(0, pathInContext.length() - 6) : pathInContext;
        return UPLOAD_PATHS.contains(page) ? UPLOAD_BODY : FORM_BODY;
    }

    /**
     * Whether the request announces a body larger than its address takes: answered 413 before any part of the
     * portal reads it (a body sent in chunks, without a length, meets the container's limits instead).
     */
    public static boolean bodyTooLarge(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length > 0 && length > bodyLimit(pathInContext(request));
    }

    /**
     * The status a request's body gets before anything reads it: 0 when it may be read; 413 when it announces more
     * than its address takes; 415 when it is multipart anywhere but an upload (an HTTP/2 or chunked body
     * announces no length: it must not reach a multipart parser that only the upload needs).
     */
    public static int bodyRefusal(HttpServletRequest request) {
        if (bodyTooLarge(request)) {
            return 413;
        }
        String type = request.getContentType();
        boolean multipart = type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        return multipart && bodyLimit(pathInContext(request)) != UPLOAD_BODY ? 415 : 0;
    }

    /** A typed value within its cap (null counts as absent, not as too long). */
    public static boolean within(String typed, int cap) {
        return typed == null || typed.length() <= cap;
    }

    private static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** The sign-in form's identifier (present) and secret within their caps. */
    public static boolean signInForm(String identifier, String secret) {
        return identifier != null && within(identifier, IDENTIFIER) && within(secret, SECRET);
    }
}
