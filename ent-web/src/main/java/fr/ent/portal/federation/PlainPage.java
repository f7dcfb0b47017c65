package fr.ent.portal.federation;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.Languages;

/**
 * The one frame of the federation endpoints' own pages ({@link OidcPage}, {@link SamlPage}): plain HTML without Faces
 * or session, in the visitor's language (the bundle's texts), never cached, no referrer, the portal's style sheet.
 */
final class PlainPage {

    private PlainPage() {
    }

    /** Writes the page: {@code head} is extra markup for the head (already escaped), {@code body} the card's content. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, ResourceBundle texts,
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

    /** A refusal's page content: heading (with its id), text, and the way back home. */
    static String refusal(HttpServletRequest request, ResourceBundle texts, String id, String prefix) {
        return "<h1 id=\"" + id + "\">" + Html.escape(texts.getString(prefix + ".heading")) + "</h1>"
                + "<p>" + Html.escape(texts.getString(prefix + ".text")) + "</p>" + homeLink(request, texts);
    }

    static String homeLink(HttpServletRequest request, ResourceBundle texts) {
        return "<p><a id=\"go-home\" href=\"" + request.getContextPath() + "/home\">"
                + Html.escape(texts.getString("sso.back_home")) + "</a></p>";
    }

    static ResourceBundle texts(HttpServletRequest request) {
        return ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale(request));
    }

    private static Locale locale(HttpServletRequest request) {
        return Languages.of(request);
    }
}
