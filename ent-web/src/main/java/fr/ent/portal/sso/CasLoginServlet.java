package fr.ent.portal.sso;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.admission.WaitingRoom;
import fr.ent.portal.families.boundary.EstablishmentChoice;
import fr.ent.portal.platform.Client;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.sso.boundary.CasServer;
import fr.ent.portal.sso.control.LoginAnswer;

/**
 * {@code GET /cas/login?service=…[&renew=true][&gateway=true]} (CAS protocol 3.0, section 2.1).
 * <ul>
 * <li>A service URL outside the registry: a clear page (400), audited; never a redirect.</li>
 * <li>Not signed in: {@code gateway} goes back to the (registered) service without a ticket; otherwise the way back
 * is kept ({@link CasReturn}) and the person goes through the portal's own sign-in ({@code /login}, with the
 * waiting room, first connection, remembered devices), which returns here.</li>
 * <li>{@code renew}: a ticket only from credentials typed for this request (else the sign-in page first): the signed
 * way back ({@link CasReturn}) must be the one bound to this session by its password sign-in; a remembered device or
 * an existing session never meets it.</li>
 * <li>Several establishments and none chosen: {@code /establishments} first, then back here. A service not offered
 * in the chosen establishment: a page that offers to switch.</li>
 * <li>Otherwise a ticket for the service, remembered in the session for single logout: 302 to the service, or a
 * page that continues there when coming back from a sign-in form (a redirect after a form post may not leave the
 * portal under the CSP's {@code form-action 'self'}).</li>
 * </ul>
 */
@WebServlet("/cas/login")
public class CasLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    CasServer cas;

    @EJB
    EstablishmentChoice choice;

    @Inject
    Sessions sessions;

    @Inject
    Clients clients;

    @Inject
    CasReturn returns;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String service = request.getParameter("service");
        boolean renew = flag(request, "renew");
        boolean gateway = flag(request, "gateway") && !renew;
        Long accountId = sessions.accountId(request);
        if (service == null || service.isEmpty()) {
            WaitingRoom.redirect(request, response, accountId == null ? "/login" : "/home");
            return;
        }
        Client client = clients.of(request);
        if (returns.status(request) == CasReturn.Status.FORGED) {
            // not signed by the portal: ignored (it can credit no sign-in), cleared and audited
            cas.refuseReturn(client, "forged");
            returns.clear(request, response);
        }
        if (accountId == null) {
            if (!cas.admitAnonymous(service, client)) {
                SsoPage.refused(request, response);
            } else if (gateway) {
                redirect(response, service);
            } else {
                returns.remember(request, response, service, renew);
                WaitingRoom.redirect(request, response, "/login");
            }
            return;
        }
        Optional<CasReturn.Pending> pending = returns.read(request).filter(p -> p.service().equals(service));
        Instant signedInAt = sessions.signedInAt(request);
        boolean byDevice = sessions.signedInByDevice(request);
        // credentials typed for this very request: a sign-in of this session, with a password, that carried this
        // (signed) way back; never a remembered device, never an older session
        boolean newLogin = pending.isPresent() && !byDevice && pending.get().boundTo(request.getSession(false))
                && signedInAt != null && !signedInAt.isBefore(pending.get().since());
        if (renew && !(newLogin && pending.get().renew())) {
            if (!cas.admitAnonymous(service, client)) {
                SsoPage.refused(request, response);
                return;
            }
            returns.remember(request, response, service, true);
            WaitingRoom.redirect(request, response, "/login");
            return;
        }
        LoginAnswer answer = cas.login(service, accountId, sessions.establishment(request),
                signedInAt == null ? Instant.now() : signedInAt, newLogin, byDevice,
                sessions.signedInWith(request), client);
        switch (answer.kind()) {
            case REFUSED -> {
                returns.clear(request, response);
                SsoPage.refused(request, response);
            }
            case CHOOSE_ESTABLISHMENT -> {
                returns.remember(request, response, service, false);
                WaitingRoom.redirect(request, response, "/establishments");
            }
            case NOT_OFFERED_HERE -> {
                boolean switchable = choice.linked(accountId).size() > 1;
                if (switchable) {
                    returns.remember(request, response, service, false);
                }
                SsoPage.notOffered(request, response, answer.serviceName(), switchable);
            }
            case TICKET -> {
                sessions.establishment(request, answer.establishmentId());
                SsoSessions.remember(request.getSession(), answer.issued());
                if (pending.isPresent() || returns.read(request).isPresent()) {
                    returns.clear(request, response);
                    SsoPage.proceed(request, response, answer.redirect(), answer.serviceName());
                } else {
                    redirect(response, answer.redirect());
                }
            }
        }
    }

    /** A CAS flag: present with any value but {@code false}. */
    private static boolean flag(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value != null && !"false".equalsIgnoreCase(value.strip());
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }
}
