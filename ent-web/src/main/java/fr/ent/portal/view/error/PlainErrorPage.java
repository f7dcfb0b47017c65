package fr.ent.portal.view.error;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.Languages;

/**
 * A short error page written without Faces nor the database (for when either is what failed): a status, a heading and
 * a text from the bundle in the person's language, and a link back to the sign-in page.
 */
public final class PlainErrorPage {

    private PlainErrorPage() {
    }

    /** Writes the page whose bundle keys start with {@code keyPrefix} ({@code .title}, {@code .heading}, {@code .text}). */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String keyPrefix)
            throws IOException {
        Locale locale = Languages.of(request);
        ResourceBundle texts = ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale);
        response.setStatus(status);
        // also when written by a filter before the headers filter ran, or after a reset: this page has no script
        response.setHeader("Content-Security-Policy", fr.ent.portal.security.SecurityHeaders.PLAIN_CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/html;charset=UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + html(texts.getString(keyPrefix + ".title")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body class=\"portal\">"
                + "<main id=\"main\" class=\"portal-main\"><section class=\"card card--narrow\">"
                + "<h1>" + html(texts.getString(keyPrefix + ".heading")) + "</h1>"
                + "<p>" + html(texts.getString(keyPrefix + ".text")) + "</p>"
                + "<p><a href=\"" + request.getContextPath() + "/login\">" + html(texts.getString("error.back_to_login"))
                + "</a></p></section></main></body></html>");
    }

    private static String html(String text) {
        return Html.escape(text);
    }
}
