package fr.ent.portal.admission;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.admission.boundary.SignInAdmission;
import fr.ent.portal.admission.control.WaitingLine;
import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.mail.control.Html;
import fr.ent.portal.security.Languages;

/**
 * {@code /waiting-room}: a light page (no Faces, no HTTP session) showing the place in line and the expected wait,
 * kept up to date every few seconds (see {@link #refreshSeconds}) by {@code js/waiting-room.js} without reloading the page (a
 * timed reload disturbs screen readers), or by a {@code <noscript>} {@code <meta http-equiv="refresh">} without
 * JavaScript. Reloading keeps the place (the same ticket); when the line's admitted counter has passed the ticket's
 * number, the ticket becomes admitted and the browser goes to {@code /login} (303). No ticket, or a forged or expired
 * one: a new ticket at the back of the line (the bad one audited); no ticket while nobody waits: straight to /login.
 */
@WebServlet(WaitingRoom.PATH)
public class WaitingRoomServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final long MIN_REFRESH_SECONDS = 5;
    static final long MAX_REFRESH_SECONDS = 30;

    @Inject
    WaitingRoom room;

    @Inject
    SignInAdmission admission;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WaitingTicket.Read ticket = room.ticket(request);
        WaitingLine line = room.line();
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
                if (line.waiting() == 0) {
                    WaitingRoom.redirect(request, response, "/login");
                    return;
                }
                number = room.join(request, response);
            }
        }
        Instant now = clock.instant();
        if (number > line.admittedUpTo()) {
            // still waiting: seen now, expected back after the next reloads of the page it gets
            line.present(number, room.expectedBy(now, refreshSeconds(line.ahead(number) + 1)));
        }
        room.advance();
        if (number <= line.admittedUpTo() && ticket.status() == WaitingTicket.Status.WAITING) {
            switch (admission.arrived(number, now)) {
                case ADMITTED -> {
                    room.admitted(request, response, ticket);
                    WaitingRoom.redirect(request, response, "/login");
                    return;
                }
                case WAIT -> {
                    render(request, response, 1);
                    return;
                }
                case GONE -> number = room.join(request, response);
            }
        }
        render(request, response, line.ahead(number) + 1);
    }

    /**
     * The page's reload interval: every {@value #MIN_REFRESH_SECONDS} s near the front, less often far back (a quarter
     * of the expected wait, at most {@value #MAX_REFRESH_SECONDS} s), so a long line does not cost more than it admits.
     */
    long refreshSeconds(long position) {
        long seconds = admission.expectedWait(position).toSeconds() / 4;
        return Math.max(MIN_REFRESH_SECONDS, Math.min(MAX_REFRESH_SECONDS, seconds));
    }

    private void render(HttpServletRequest request, HttpServletResponse response, long position) throws IOException {
        Locale locale = Languages.of(request);
        ResourceBundle texts = ResourceBundle.getBundle("fr.ent.portal.i18n.messages", locale);
        long refresh = refreshSeconds(position);
        Duration wait = admission.expectedWait(position).plusSeconds(refresh / 2);
        long seconds = Math.max(1, wait.toSeconds());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/portal.css.xhtml";
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<noscript><meta http-equiv=\"refresh\" content=\"" + refresh + "\"></noscript>"
                + "<title>" + html(texts.getString("waiting_room.title")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + css + "\">"
                + "<script src=\"" + request.getContextPath() + "/jakarta.faces.resource/js/waiting-room.js.xhtml\" data-refresh=\""
                + refresh + "\" defer></script></head><body class=\"portal\">"
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

    private static String html(String text) {
        return Html.escape(text);
    }
}
