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

    /** A form post or any other body, everywhere but the import's upload. */
    public static final long FORM_BODY = 1024 * 1024;
    /** The import's upload: one file of at most {@link #UPLOAD_FILE} and the form around it. */
    public static final long UPLOAD_BODY = 17_301_504;
    public static final long UPLOAD_FILE = 16_777_216;

    /** The only address that takes a file. */
    static final String UPLOAD_PATH = "/admin/import";

    private InputLimits() {
    }

    /** The largest body this address takes. */
    public static long bodyLimit(String pathInContext) {
        return pathInContext != null && (pathInContext.equals(UPLOAD_PATH) || pathInContext.startsWith(UPLOAD_PATH + "."))
                ? UPLOAD_BODY : FORM_BODY;
    }

    /**
     * Whether the request announces a body larger than its address takes: answered 413 before any part of the
     * portal reads it (a body sent in chunks, without a length, meets the container's limits instead).
     */
    public static boolean bodyTooLarge(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length > 0 && length > bodyLimit(pathInContext(request));
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
}
