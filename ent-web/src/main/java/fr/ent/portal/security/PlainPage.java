package fr.ent.portal.security;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;

/**
 * The one frame of the pages the portal writes without Faces or session: the federation endpoints' ({@code OidcPage},
 * {@code SamlPage}), those of {@code /cas/login} ({@code SsoPage}) and the errors written when Faces or the database is
 * what failed ({@link #error}). Plain HTML in the visitor's language (the bundle's texts), never cached, no
 * referrer, the portal's style sheet, no script of its own.
 */
public final class PlainPage {

    private PlainPage() {
    }

    /**
     * Writes the page: {@code head} is extra markup for the head (already escaped; empty for none), {@code body} the
     * card's content (already escaped).
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, ResourceBundle texts,
                             String titleKey, String head, String body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale(request).getLanguage() + "\"><head>"
                + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + head + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + Html.escape(texts.getString(titleKey)) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body class=\"portal\">"
                + "<main id=\"main\" class=\"portal-main\"><section class=\"card card--narrow\">" + body
                + "</section></main></body></html>");
    }

    /**
     * An error page written without Faces nor the database (for when either is what failed, or before any page work):
     * the status, a heading and a text from the bundle (keys {@code keyPrefix.title}, {@code .heading}, {@code .text})
     * and a link back to the sign-in page. Its own security headers, since a filter may write it before the headers
     * filter ran, or after a reset.
     */
    public static void error(HttpServletRequest request, HttpServletResponse response, int status, String keyPrefix)
            throws IOException {
        ResourceBundle texts = texts(request);
        response.setHeader("Content-Security-Policy", SecurityHeaders.PLAIN_CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        write(request, response, status, texts, keyPrefix + ".title", "",
                "<h1>" + Html.escape(texts.getString(keyPrefix + ".heading")) + "</h1>"
                        + "<p>" + Html.escape(texts.getString(keyPrefix + ".text")) + "</p>"
                        + "<p><a href=\"" + request.getContextPath() + "/login\">"
                        + Html.escape(texts.getString("error.back_to_login")) + "</a></p>");
    }

    /** A refusal's page content: heading (with its id), text, and the way back home. */
    public static String refusal(HttpServletRequest request, ResourceBundle texts, String id, String prefix) {
        return "<h1 id=\"" + id + "\">" + Html.escape(texts.getString(prefix + ".heading")) + "</h1>"
                + "<p>" + Html.escape(texts.getString(prefix + ".text")) + "</p>" + homeLink(request, texts);
    }

    /** The link back to the home page. */
    public static String homeLink(HttpServletRequest request, ResourceBundle texts) {
        return "<p><a id=\"go-home\" href=\"" + request.getContextPath() + "/home\">"
                + Html.escape(texts.getString("sso.back_home")) + "</a></p>";
    }

    /** The bundle's texts in the visitor's language. */
    public static ResourceBundle texts(HttpServletRequest request) {
        return ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale(request));
    }

    /** The visitor's language (the page's {@code lang}). */
    public static Locale locale(HttpServletRequest request) {
        return Languages.of(request);
    }
}
