package fr.ent.portal.view.error;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.view.LanguageBacking;

/**
 * The answer to a form posted without its page's script nonce (from another site, or a stale copy):
 * 400 and a short page, rendered without Faces since Faces itself refused the request.
 */
@WebServlet("/error/stale-form")
public class StaleFormServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = LanguageBacking.of(request);
        ResourceBundle texts = ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        // also when forwarded from a Faces page or a filter: this page has no script
        response.setHeader("Content-Security-Policy", fr.ent.portal.security.SecurityHeaders.PLAIN_CSP);
        response.setContentType("text/html;charset=UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + html(texts.getString("error.stale_form.title")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body class=\"portal\">"
                + "<main id=\"main\" class=\"portal-main\"><section class=\"card card--narrow\">"
                + "<h1>" + html(texts.getString("error.stale_form.heading")) + "</h1>"
                + "<p>" + html(texts.getString("error.stale_form.text")) + "</p>"
                + "<p><a href=\"" + request.getContextPath() + "/login\">" + html(texts.getString("error.back_to_login"))
                + "</a></p></section></main></body></html>");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
