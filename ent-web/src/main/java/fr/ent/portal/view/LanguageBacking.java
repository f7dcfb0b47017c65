package fr.ent.portal.view;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

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
