package fr.ent.portal.federation;

import java.io.IOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.PlainPage;
import fr.ent.portal.security.SecurityHeaders;

/**
 * The pages of the SAML endpoints ({@link PlainPage}s): a refused request
 * (never posted anywhere), a provider not offered in the chosen establishment, and the HTTP-POST binding's form to
 * the registered ACS. That form is sent by a script file of the portal (no inline script) or, without JavaScript, by
 * its button; its answer widens {@code form-action} to that ACS's origin only.
 */
final class SamlPage {

    static final String SCRIPT = "/jakarta.faces.resource/js/saml-post.js.xhtml";

    private SamlPage() {
    }

    static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        PlainPage.write(request, response, HttpServletResponse.SC_BAD_REQUEST, texts, "saml.refused.title", "",
                PlainPage.refusal(request, texts, "saml-refused", "saml.refused"));
    }

    static void notOffered(HttpServletRequest request, HttpServletResponse response, String serviceName)
            throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        PlainPage.write(request, response, HttpServletResponse.SC_FORBIDDEN, texts, "sso.not_offered.title", "",
                "<h1 id=\"saml-not-offered\">" + Html.escape(texts.getString("sso.not_offered.heading")) + "</h1>"
                        + "<p>" + Html.escape(MessageFormat.format(texts.getString("sso.not_offered.text"), serviceName))
                        + "</p><p><a id=\"go-establishments\" href=\"" + request.getContextPath() + "/establishments\">"
                        + Html.escape(texts.getString("sso.not_offered.switch")) + "</a></p>"
                        + PlainPage.homeLink(request, texts));
    }

    static void post(HttpServletRequest request, HttpServletResponse response, String acs, String samlResponse,
                     String relayState, String serviceName) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        String body = "<h1>" + Html.escape(MessageFormat.format(texts.getString("sso.continue.heading"), serviceName))
                + "</h1>" + postingForm(request, acs, samlResponse, relayState, texts.getString("sso.continue.link"));
        // the answer may post to that ACS's origin only
        response.setHeader("Content-Security-Policy",
                SecurityHeaders.PLAIN_CSP.replace("form-action 'self'", "form-action 'self' " + origin(acs)));
        PlainPage.write(request, response, HttpServletResponse.SC_OK, texts, "sso.continue.title", "", body);
    }

    /**
     * A provider's LogoutResponse posted from its site (which brings no SameSite=Lax cookie: not the logout chain's)
     * posted again to {@code /saml/slo} from this page of the portal (same site: the chain's cookie comes along).
     */
    static void repost(HttpServletRequest request, HttpServletResponse response, String slo, String samlResponse,
                       String relayState) throws IOException {
        ResourceBundle texts = PlainPage.texts(request);
        String body = "<h1>" + Html.escape(texts.getString("saml.logout.heading")) + "</h1>"
                + postingForm(request, slo, samlResponse, relayState, texts.getString("saml.logout.link"));
        PlainPage.write(request, response, HttpServletResponse.SC_OK, texts, "saml.logout.title", "", body);
    }

    /** The HTTP-POST binding's form: the message and relay state hidden, a button, sent at once by {@code saml-post.js}. */
    private static String postingForm(HttpServletRequest request, String action, String samlResponse, String relayState,
                                      String button) {
        return "<form id=\"saml-post\" method=\"post\" action=\"" + Html.escape(action) + "\">"
                + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + Html.escape(samlResponse) + "\">"
                + (relayState == null ? "" : "<input type=\"hidden\" name=\"RelayState\" value=\""
                + Html.escape(relayState) + "\">")
                + "<p><button type=\"submit\" id=\"continue\" class=\"button--primary\">"
                + Html.escape(button) + "</button></p></form>"
                + "<script src=\"" + request.getContextPath() + SCRIPT + "\"></script>";
    }

    /** scheme://host[:port] of the ACS, for the page's form-action. */
    static String origin(String acs) {
        URI uri = URI.create(acs);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
