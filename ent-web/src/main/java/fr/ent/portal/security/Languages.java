package fr.ent.portal.security;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of a request, pages and plain servlets alike: the person's choice (cookie {@value #COOKIE}) if any, else
 * the best match of the browser's languages among French and English, else French.
 */
public final class Languages {

    public static final String COOKIE = "ent_lang";
    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private Languages() {
    }

    /** The language of {@code request}. */
    public static Locale of(HttpServletRequest request) {
        return resolve(Clients.cookie(request, COOKIE), request.getHeader("Accept-Language"));
    }

    /** The language for a chosen code (or none) and an {@code Accept-Language} header (or none). */
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
