package fr.ent.portal.admission;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.admission.control.Admission;
import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.view.LanguageBacking;

/**
 * {@code /waiting-room}: a light page (no Faces, no HTTP session) showing the place in line and the expected wait,
 * kept up to date every {@value #REFRESH_SECONDS} seconds by {@code js/waiting-room.js} without reloading the page (a
 * timed reload disturbs screen readers), or by a {@code <noscript>} {@code <meta http-equiv="refresh">} without
 * JavaScript. Reloading keeps the place (the same ticket); when the line's admitted counter has passed the ticket's
 * number, the ticket becomes admitted and the browser goes to {@code /login} (303). No ticket, or a forged or expired
 * one: a new ticket at the back of the line (the bad one audited); no ticket while nobody waits: straight to /login.
 */
@WebServlet(WaitingRoom.PATH)
public class WaitingRoomServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int REFRESH_SECONDS = 5;

    @Inject
    WaitingRoom room;

    @Inject
    Admission admission;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WaitingTicket.Read ticket = room.ticket(request);
        long number;
        switch (ticket.status()) {
            case ADMITTED -> {
                WaitingRoom.redirect(request, response, "/login");
                return;
            }
            case WAITING -> number = ticket.number();
            case FORGED, EXPIRED -> {
                room.rejected(request, ticket.status().name().toLowerCase(Locale.ROOT));
                number = room.join(request, response);
            }
            default -> {
                if (room.line().waiting() == 0) {
                    WaitingRoom.redirect(request, response, "/login");
                    return;
                }
                number = room.join(request, response);
            }
        }
        room.advance();
        if (number <= room.line().admittedUpTo() && ticket.status() == WaitingTicket.Status.WAITING) {
            room.admitted(request, response, ticket);
            WaitingRoom.redirect(request, response, "/login");
            return;
        }
        render(request, response, room.line().ahead(number) + 1);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, long position) throws IOException {
        Locale locale = LanguageBacking.resolve(cookie(request, LanguageBacking.COOKIE), request.getHeader("Accept-Language"));
        ResourceBundle texts = ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale);
        Duration wait = admission.gate().expectedWait(position).plusSeconds(REFRESH_SECONDS / 2);
        long seconds = Math.max(1, wait.toSeconds());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<noscript><meta http-equiv=\"refresh\" content=\"" + REFRESH_SECONDS + "\"></noscript>"
                + "<title>" + html(texts.getString("waiting_room.title")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\">"
                + "<script src=\"" + request.getContextPath() + "/jakarta.faces.resource/js/waiting-room.js.xhtml\" data-refresh=\""
                + REFRESH_SECONDS + "\" defer></script></head><body class=\"portal\">"
                + "<main id=\"main\" class=\"portal-main\"><section class=\"card card--narrow\" aria-live=\"polite\">"
                + "<h1>" + html(texts.getString("waiting_room.heading")) + "</h1>"
                + "<p>" + html(texts.getString("waiting_room.text")) + "</p>"
                + "<p class=\"lead\" id=\"position\" data-position=\"" + position + "\">"
                + html(MessageFormat.format(texts.getString("waiting_room.position"), position)) + "</p>"
                + "<p id=\"estimate\" data-seconds=\"" + seconds + "\">"
                + html(MessageFormat.format(texts.getString("waiting_room.estimate"), seconds)) + "</p>"
                + "<p class=\"field__hint\">" + html(texts.getString("waiting_room.refresh")) + "</p>"
                + "</section></main></body></html>");
    }

    private static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
