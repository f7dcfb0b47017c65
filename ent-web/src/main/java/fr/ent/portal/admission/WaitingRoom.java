package fr.ent.portal.admission;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PostConstruct;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.admission.boundary.SignInAdmission;
import fr.ent.portal.admission.control.WaitingLine;
import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.metrics.PortalMetrics;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.security.Clients;

/**
 * The web side of admission control: the waiting ticket cookie {@value #COOKIE} (HttpOnly, SameSite=Lax, Path=/,
 * Secure over HTTPS) and what happens to a sign-in the hash queue cannot take: a browser (its {@code Accept} names
 * {@code text/html}) is sent with a 303 to {@code /waiting-room} holding a new ticket at the back of the line; any
 * other client gets 503 with a {@code Retry-After} paced by {@link RetryPacer}: it grows with the number of refused clients,
 * so that however many they are they come back at about {@code ent.admission.retry-rate} a second in all.
 */
@ApplicationScoped
public class WaitingRoom {

    public static final String COOKIE = "ent_wait";
    public static final String PATH = "/waiting-room";
    /** Set on a sign-in POST that claimed an admitted ticket's place. */
    public static final String ADMITTED_ATTRIBUTE = "ent.admission.admitted";
    static final int RETRY_AFTER_MIN = 5;
    static final int RETRY_AFTER_MAX = 15;

    @Inject
    SignInAdmission admission;

    @Inject
    Clients clients;

    @Inject
    Settings settings;

    /** Paces the refused clients that are not browsers; null: not paced (5-15 s). */
    RetryPacer pacer;

    @PostConstruct
    void init() {
        pace(settings.getInt(Setting.ADMISSION_RETRY_RATE));
    }

    /** Refused clients that are not browsers come back at about {@code rate} a second in all; 0: 5-15 s each. */
    void pace(int rate) {
        pacer = rate > 0 ? new RetryPacer(rate) : null;
    }

    int retryAfter() {
        RetryPacer paced = pacer;
        return paced == null ? ThreadLocalRandom.current().nextInt(RETRY_AFTER_MIN, RETRY_AFTER_MAX + 1)
                : paced.refused(System.nanoTime());
    }

    @Inject
    Clock clock;

    @Inject
    PortalMetrics metrics;

    @EJB
    AuditTrail audit;

    public WaitingLine line() {
        return admission.line();
    }

    /** What the request's ticket is worth now. */
    public WaitingTicket.Read ticket(HttpServletRequest request) {
        return admission.read(cookie(request), clock.instant());
    }

    /** Whether the client is a browser (its Accept header names text/html). */
    public static boolean browser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * A sign-in POST without an admitted ticket, read before any page work (issue 21, item 1): when the hash queue
     * cannot take it, it is turned away here ({@link #turnAway}) and counted as a busy sign-in; true when so.
     */
    public boolean refusedBeforeAnyPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!admission.refuseNow()) {
            return false;
        }
        metrics.signIn("busy");
        turnAway(request, response);
        return true;
    }

    /** Lets free places in the hash queue admit the next tickets in line. */
    public void advance() {
        int admitted = admission.advance(clock.instant());
        for (int i = 0; i < admitted; i++) {
            metrics.admittedFromWaitingRoom();
        }
    }

    /**
     * The queue cannot take this request: a browser gets a new ticket at the back of the line and goes to the
     * waiting room (303); another client gets 503 and Retry-After.
     */
    public void turnAway(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (browser(request)) {
            joinAndRedirect(request, response);
        } else {
            response.setHeader("Retry-After", String.valueOf(retryAfter()));
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("busy\n");
        }
    }

    /** A new ticket at the back of the line, and a 303 to the waiting room. */
    public void joinAndRedirect(HttpServletRequest request, HttpServletResponse response) {
        join(request, response);
        redirect(request, response, PATH);
    }

    /** A new ticket at the back of the line in the cookie; its number. */
    public long join(HttpServletRequest request, HttpServletResponse response) {
        WaitingLine line = admission.line();
        var now = clock.instant();
        long number = line.join(now, expectedBy(now, WaitingRoomServlet.MIN_REFRESH_SECONDS));
        write(request, response, admission.issue(number, now));
        metrics.ticket("issued");
        return number;
    }

    /**
     * When a visitor whose page reloads every {@code refreshSeconds} is expected back at the latest: after the absence
     * setting, and never before three reloads (a slow phone or network is not an absence).
     */
    public java.time.Instant expectedBy(java.time.Instant now, long refreshSeconds) {
        java.time.Duration threeReloads = java.time.Duration.ofSeconds(3 * refreshSeconds);
        java.time.Duration absent = admission.absentAfter();
        return now.plus(absent.compareTo(threeReloads) > 0 ? absent : threeReloads);
    }

    /** The ticket's turn came: the cookie now says admitted (valid {@code ent.admission.admitted-validity}). */
    public void admitted(HttpServletRequest request, HttpServletResponse response, WaitingTicket.Read ticket) {
        write(request, response, admission.admit(ticket, clock.instant()));
    }

    /** A forged, expired or replayed ticket: audited and counted (the caller sends it to the back of the line). */
    public void rejected(HttpServletRequest request, String kind) {
        metrics.ticket(kind);
        Client client = clients.of(request);
        audit.record(AuditEventType.WAITING_TICKET_REJECTED, null, null, client.ip(), client.userAgent(), kind);
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = cookie(request, "");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }

    public static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
        response.setHeader("Cache-Control", "no-store");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String value) {
        response.addCookie(cookie(request, value));
    }

    private Cookie cookie(HttpServletRequest request, String value) {
        return clients.newCookie(request, COOKIE, value, -1); // a browser-session cookie
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
