package fr.ent.portal.sso;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.Languages;

/**
 * The few pages of {@code /cas/login}, plain HTML without Faces or session (texts from the bundle, no script):
 * a refused service, a service not offered in the chosen establishment, and the step that continues to a service
 * after a sign-in (a meta refresh: the redirect that follows a form post may not leave the portal under
 * {@code form-action 'self'}).
 */
final class SsoPage {

    private SsoPage() {
    }

    static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = texts(request);
        write(request, response, HttpServletResponse.SC_BAD_REQUEST, texts, "sso.refused.title", null,
                "<h1 id=\"sso-refused\">" + html(texts.getString("sso.refused.heading")) + "</h1>"
                        + "<p>" + html(texts.getString("sso.refused.text")) + "</p>"
                        + "<p><a id=\"go-home\" href=\"" + request.getContextPath() + "/home\">"
                        + html(texts.getString("sso.back_home")) + "</a></p>");
    }

    static void notOffered(HttpServletRequest request, HttpServletResponse response, String serviceName,
                           boolean switchable) throws IOException {
        ResourceBundle texts = texts(request);
        String body = "<h1 id=\"sso-not-offered\">" + html(texts.getString("sso.not_offered.heading")) + "</h1>"
                + "<p>" + html(MessageFormat.format(texts.getString("sso.not_offered.text"), serviceName)) + "</p>";
        if (switchable) {
            body += "<p><a id=\"go-establishments\" href=\"" + request.getContextPath() + "/establishments\">"
                    + html(texts.getString("sso.not_offered.switch")) + "</a></p>";
        }
        body += "<p><a id=\"go-home\" href=\"" + request.getContextPath() + "/home\">"
                + html(texts.getString("sso.back_home")) + "</a></p>";
        write(request, response, HttpServletResponse.SC_FORBIDDEN, texts, "sso.not_offered.title", null, body);
    }

    static void proceed(HttpServletRequest request, HttpServletResponse response, String redirect, String serviceName)
            throws IOException {
        ResourceBundle texts = texts(request);
        write(request, response, HttpServletResponse.SC_OK, texts, "sso.continue.title", redirect,
                "<h1>" + html(MessageFormat.format(texts.getString("sso.continue.heading"), serviceName)) + "</h1>"
                        + "<p><a id=\"continue\" href=\"" + html(redirect) + "\">"
                        + html(texts.getString("sso.continue.link")) + "</a></p>");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status,
                              ResourceBundle texts, String titleKey, String refreshTo, String body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale(request).getLanguage() + "\"><head>"
                + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refreshTo == null ? "" : "<meta http-equiv=\"refresh\" content=\"0;url=" + html(refreshTo) + "\">")
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + html(texts.getString(titleKey)) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body class=\"portal\">"
                + "<main id=\"main\" class=\"portal-main\"><section class=\"card card--narrow\">" + body
                + "</section></main></body></html>");
    }

    private static ResourceBundle texts(HttpServletRequest request) {
        return ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale(request));
    }

    private static Locale locale(HttpServletRequest request) {
        return Languages.of(request);
    }

    private static String html(String text) {
        return Html.escape(text);
    }
}
