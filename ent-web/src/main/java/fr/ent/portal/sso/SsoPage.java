package fr.ent.portal.sso;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.PlainPage;

/**
 * The few pages of {@code /cas/login} ({@link PlainPage}s: no Faces, no session, texts from the bundle, no script):
 * a refused service, a service not offered in the chosen establishment, and the step that continues to a service
 * after a sign-in (a meta refresh: the redirect that follows a form post may not leave the portal under
 * {@code form-action 'self'}).
 */
final class SsoPage {

    private SsoPage() {
    }

    static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        PlainPage.write(request, response, HttpServletResponse.SC_BAD_REQUEST, texts, "sso.refused.title", "",
                PlainPage.refusal(request, texts, "sso-refused", "sso.refused"));
    }

    static void notOffered(HttpServletRequest request, HttpServletResponse response, String serviceName,
                           boolean switchable) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        String body = "<h1 id=\"sso-not-offered\">" + Html.escape(texts.getString("sso.not_offered.heading")) + "</h1>"
                + "<p>" + Html.escape(MessageFormat.format(texts.getString("sso.not_offered.text"), serviceName)) + "</p>";
        if (switchable) {
            body += "<p><a id=\"go-establishments\" href=\"" + request.getContextPath() + "/establishments\">"
                    + Html.escape(texts.getString("sso.not_offered.switch")) + "</a></p>";
        }
        PlainPage.write(request, response, HttpServletResponse.SC_FORBIDDEN, texts, "sso.not_offered.title", "",
                body + PlainPage.homeLink(request, texts));
    }

    static void proceed(HttpServletRequest request, HttpServletResponse response, String redirect, String serviceName)
            throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        PlainPage.write(request, response, HttpServletResponse.SC_OK, texts, "sso.continue.title",
                "<meta http-equiv=\"refresh\" content=\"0;url=" + Html.escape(redirect) + "\">",
                "<h1>" + Html.escape(MessageFormat.format(texts.getString("sso.continue.heading"), serviceName)) + "</h1>"
                        + "<p><a id=\"continue\" href=\"" + Html.escape(redirect) + "\">"
                        + Html.escape(texts.getString("sso.continue.link")) + "</a></p>");
    }
}
