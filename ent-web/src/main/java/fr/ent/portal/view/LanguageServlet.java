package fr.ent.portal.view;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.security.Clients;

/**
 * {@code POST /language?next=/page}: the header's language switcher. Keeps the choice ({@code lang=fr|en}) in the
 * cookie {@value LanguageBacking#COOKIE} for a year and goes back to the page (303). No session, no Faces: it works
 * the same on anonymous, stateless pages. {@code next} must be a path of this portal; anything else goes to the root.
 */
@WebServlet("/language")
public class LanguageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Duration KEPT = Duration.ofDays(365);

    @Inject
    Clients clients;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale chosen = LanguageBacking.resolve(request.getParameter("lang"), null);
        response.addCookie(clients.newCookie(request, LanguageBacking.COOKIE, chosen.getLanguage(), (int) KEPT.toSeconds()));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + next(request.getParameter("next")));
    }

    /** A path of this portal (one leading slash, no scheme, no backslash), else the root. */
    static String next(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/WEB-INF") || next.length() > 2000 || next.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return next;
    }
}
