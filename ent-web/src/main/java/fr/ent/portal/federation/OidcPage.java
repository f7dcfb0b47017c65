package fr.ent.portal.federation;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.Clients;
import fr.ent.portal.view.LanguageBacking;

/**
 * The few pages of the OpenID Connect endpoints, plain HTML without Faces, session or script (texts from the bundle):
 * a refused request (never sent back to an address not registered), the step that continues to the client after a
 * sign-in form, and the end of an RP-initiated logout.
 */
final class OidcPage {

    private OidcPage() {
    }

    static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = texts(request);
        write(request, response, HttpServletResponse.SC_BAD_REQUEST, texts, "oidc.refused.title", null,
                "<h1 id=\"oidc-refused\">" + Html.escape(texts.getString("oidc.refused.heading")) + "</h1>"
                        + "<p>" + Html.escape(texts.getString("oidc.refused.text")) + "</p>"
                        + "<p><a id=\"go-home\" href=\"" + request.getContextPath() + "/home\">"
                        + Html.escape(texts.getString("sso.back_home")) + "</a></p>");
    }

    static void proceed(HttpServletRequest request, HttpServletResponse response, String redirect) throws IOException {
        ResourceBundle texts = texts(request);
        write(request, response, HttpServletResponse.SC_OK, texts, "oidc.continue.title", redirect,
                "<h1>" + Html.escape(texts.getString("oidc.continue.heading")) + "</h1>"
                        + "<p><a id=\"continue\" href=\"" + Html.escape(redirect) + "\">"
                        + Html.escape(texts.getString("sso.continue.link")) + "</a></p>");
    }

    static void signedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = texts(request);
        write(request, response, HttpServletResponse.SC_OK, texts, "oidc.signed_out.title", null,
                "<h1 id=\"oidc-signed-out\">" + Html.escape(texts.getString("oidc.signed_out.heading")) + "</h1>"
                        + "<p><a id=\"go-login\" href=\"" + request.getContextPath() + "/login\">"
                        + Html.escape(texts.getString("oidc.signed_out.login")) + "</a></p>");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status,
                              ResourceBundle texts, String titleKey, String refreshTo, String body) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale(request).getLanguage() + "\"><head>"
                + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refreshTo == null ? "" : "<meta http-equiv=\"refresh\" content=\"0;url=" + Html.escape(refreshTo) + "\">")
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + Html.escape(texts.getString(titleKey)) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body class=\"portal\">"
                + "<main id=\"main\" class=\"portal-main\"><section class=\"card card--narrow\">" + body
                + "</section></main></body></html>");
    }

    private static ResourceBundle texts(HttpServletRequest request) {
        return ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale(request));
    }

    private static Locale locale(HttpServletRequest request) {
        return LanguageBacking.resolve(Clients.cookie(request, LanguageBacking.COOKIE),
                request.getHeader("Accept-Language"));
    }
}
