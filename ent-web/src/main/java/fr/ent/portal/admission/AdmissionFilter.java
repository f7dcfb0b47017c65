package fr.ent.portal.admission;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Clock;

import fr.ent.portal.admission.control.WaitingTicket;
import fr.ent.portal.metrics.RequestCpu;

/**
 * Keeps the line at the sign-in page ({@code /}, {@code /login}), before Faces and before any hash:
 * <ul>
 * <li>GET: an admitted ticket sees the form; a ticket still waiting goes back to the waiting room; without a ticket,
 * while people are waiting, a newcomer joins the back of the line (no line jumping);</li>
 * <li>POST: an admitted ticket claims its kept place (once) and the sign-in goes first in the hash queue; a ticket
 * still waiting goes back to the waiting room; without a ticket the sign-in is a fresh arrival, refused here at once
 * (303 to the waiting room for a browser, 503 and Retry-After otherwise) when the hash queue is full, before any
 * Faces view is restored or any form parameter read (issue 21, item 1);</li>
 * <li>a forged, expired or replayed ticket is audited and its bearer sent to the back of the line.</li>
 * </ul>
 * Signed-in people pass; one just signed in by a remembered device (by the authentication mechanism, before this
 * filter, with no hash and no queue) goes on to the landing page.
 */
/* Declared in web.xml, where the filters' order is fixed. */
public class AdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    WaitingRoom room;

    @Inject
    Clock clock;

    @Inject
    fr.ent.portal.view.Landings landings;

    static boolean signInPage(String path) {
        return "/".equals(path) || "".equals(path) || "/login".equals(path) || "/login.xhtml".equals(path);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Object remembered = request.getAttribute(fr.ent.portal.security.PortalAuthenticationMechanism.REMEMBERED_LANDING);
        if (remembered != null && request.getUserPrincipal() != null) {
            // signed in by a remembered device on / or /login: on to the landing page, as after a sign-in
            String outcome = landings.afterSignIn(request, (Long) remembered);
            WaitingRoom.redirect(request, response, outcome.replace("?faces-redirect=true", ""));
            return;
        }
        if (!signInPage(path) || request.getUserPrincipal() != null) {
            chain.doFilter(request, response);
            return;
        }
        boolean post = "POST".equals(request.getMethod());
        WaitingTicket.Read ticket = room.ticket(request);
        switch (ticket.status()) {
            case FORGED, EXPIRED -> {
                room.rejected(request, ticket.status().name().toLowerCase(java.util.Locale.ROOT));
                room.turnAway(request, response);
            }
            case WAITING -> WaitingRoom.redirect(request, response, WaitingRoom.PATH);
            case ADMITTED -> {
                if (!post) {
                    chain.doFilter(request, response);
                } else if (room.line().claim(ticket.number(), clock.instant())) {
                    request.setAttribute(WaitingRoom.ADMITTED_ATTRIBUTE, Boolean.TRUE);
                    room.clear(request, response);
                    chain.doFilter(request, response);
                } else {
                    room.rejected(request, "replayed");
                    room.turnAway(request, response);
                }
            }
            case ABSENT -> {
                if (post && room.refusedBeforeAnyPage(request, response)) {
                    RequestCpu.label(request, RequestCpu.SIGN_IN_REFUSED);
                    return; // the queue is full: refused from the headers alone, no view restored, nothing parsed
                }
                if (!post && room.line().waiting() > 0) {
                    room.advance();
                }
                if (!post && room.line().waiting() > 0) {
                    room.turnAway(request, response);
                } else {
                    chain.doFilter(request, response);
                }
            }
        }
    }
}
