package fr.ent.portal.federation;

import java.io.IOException;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.PlainPage;

/**
 * The few pages of the OpenID Connect endpoints ({@link PlainPage}s, no script): a refused request (never sent back
 * to an address not registered), the step that continues to the client after a sign-in form, and the end of an
 * RP-initiated logout.
 */
final class OidcPage {

    private OidcPage() {
    }

    static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        PlainPage.write(request, response, HttpServletResponse.SC_BAD_REQUEST, texts, "oidc.refused.title", "",
                PlainPage.refusal(request, texts, "oidc-refused", "oidc.refused"));
    }

    static void proceed(HttpServletRequest request, HttpServletResponse response, String redirect) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        PlainPage.write(request, response, HttpServletResponse.SC_OK, texts, "oidc.continue.title",
                "<meta http-equiv=\"refresh\" content=\"0;url=" + Html.escape(redirect) + "\">",
                "<h1>" + Html.escape(texts.getString("oidc.continue.heading")) + "</h1>"
                        + "<p><a id=\"continue\" href=\"" + Html.escape(redirect) + "\">"
                        + Html.escape(texts.getString("sso.continue.link")) + "</a></p>");
    }

    static void signedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        PlainPage.write(request, response, HttpServletResponse.SC_OK, texts, "oidc.signed_out.title", "",
                "<h1 id=\"oidc-signed-out\">" + Html.escape(texts.getString("oidc.signed_out.heading")) + "</h1>"
                        + "<p><a id=\"go-login\" href=\"" + request.getContextPath() + "/login\">"
                        + Html.escape(texts.getString("oidc.signed_out.login")) + "</a></p>");
    }
}
