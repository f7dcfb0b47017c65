package fr.ent.portal.federation;

import java.io.IOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.SecurityHeaders;
import fr.ent.portal.view.LanguageBacking;

/**
 * The pages of the SAML endpoints, plain HTML without Faces or session (texts from the bundle): a refused request
 * (never posted anywhere), a provider not offered in the chosen establishment, and the HTTP-POST binding's form to
 * the registered ACS. That form is sent by a script file of the portal (no inline script) or, without JavaScript, by
 * its button; its answer widens {@code form-action} to that ACS's origin only.
 */
final class SamlPage {

    static final String SCRIPT = "/jakarta.faces.resource/js/saml-post.js.xhtml";

    private SamlPage() {
    }

    static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ResourceBundle texts = texts(request);
        write(request, response, HttpServletResponse.SC_BAD_REQUEST, texts, "saml.refused.title",
                "<h1 id=\"saml-refused\">" + Html.escape(texts.getString("saml.refused.heading")) + "</h1>"
                        + "<p>" + Html.escape(texts.getString("saml.refused.text")) + "</p>"
                        + "<p><a id=\"go-home\" href=\"" + request.getContextPath() + "/home\">"
                        + Html.escape(texts.getString("sso.back_home")) + "</a></p>", "");
    }

    static void notOffered(HttpServletRequest request, HttpServletResponse response, String serviceName)
            throws IOException {
        ResourceBundle texts = texts(request);
        write(request, response, HttpServletResponse.SC_FORBIDDEN, texts, "sso.not_offered.title",
                "<h1 id=\"saml-not-offered\">" + Html.escape(texts.getString("sso.not_offered.heading")) + "</h1>"
                        + "<p>" + Html.escape(MessageFormat.format(texts.getString("sso.not_offered.text"), serviceName))
                        + "</p><p><a id=\"go-establishments\" href=\"" + request.getContextPath() + "/establishments\">"
                        + Html.escape(texts.getString("sso.not_offered.switch")) + "</a></p>"
                        + "<p><a id=\"go-home\" href=\"" + request.getContextPath() + "/home\">"
                        + Html.escape(texts.getString("sso.back_home")) + "</a></p>", "");
    }

    static void post(HttpServletRequest request, HttpServletResponse response, String acs, String samlResponse,
                     String relayState, String serviceName) throws IOException {
        ResourceBundle texts = texts(request);
        String body = "<h1>" + Html.escape(MessageFormat.format(texts.getString("sso.continue.heading"), serviceName))
                + "</h1><form id=\"saml-post\" method=\"post\" action=\"" + Html.escape(acs) + "\">"
                + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + Html.escape(samlResponse) + "\">"
                + (relayState == null ? "" : "<input type=\"hidden\" name=\"RelayState\" value=\""
                + Html.escape(relayState) + "\">")
                + "<p><button type=\"submit\" id=\"continue\" class=\"button--primary\">"
                + Html.escape(texts.getString("sso.continue.link")) + "</button></p></form>"
                + "<script src=\"" + request.getContextPath() + SCRIPT + "\"></script>";
        write(request, response, HttpServletResponse.SC_OK, texts, "sso.continue.title", body, origin(acs));
    }

    /** scheme://host[:port] of the ACS, for the page's form-action. */
    static String origin(String acs) {
        URI uri = URI.create(acs);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status,
                              ResourceBundle texts, String titleKey, String body, String formTarget) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        if (!formTarget.isEmpty()) {
            response.setHeader("Content-Security-Policy",
                    SecurityHeaders.PLAIN_CSP.replace("form-action 'self'", "form-action 'self' " + formTarget));
        }
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale(request).getLanguage() + "\"><head>"
                + "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
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
