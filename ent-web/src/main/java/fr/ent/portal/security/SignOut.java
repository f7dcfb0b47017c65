package fr.ent.portal.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;
import fr.ent.portal.signin.boundary.RememberedDevices;

/**
 * Ends the portal session of this browser ({@code POST /logout}, {@code /cas/logout}): audited, the remembered
 * device forgotten (otherwise /login would sign the person in again), the caller logged out and the session
 * invalidated (which ends the single sign-on session and its services: {@code sso.SingleLogoutListener}). The
 * portal's own sign-out first fires {@link SigningOut}: the SAML providers that log out by the browser take it on a
 * way out before the sign-in page.
 */
@ApplicationScoped
public class SignOut {

    @EJB
    AuditTrail audit;

    @Inject
    Clients clients;

    @Inject
    RememberCookies rememberCookies;

    @Inject
    FormTokens formTokens;

    @EJB
    RememberedDevices devices;

    @Inject
    Event<SigningOut> signingOut;

    /**
     * Ends the session and forgets the remembered device ({@code POST /logout} from the portal's own page).
     *
     * @return where the browser goes next when an observer of {@link SigningOut} named it (the SAML front-channel
     *         logout chain), else null: the sign-in page
     */
    public String perform(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        SigningOut out = new SigningOut(request, response);
        if (request.getUserPrincipal() != null) {
            signingOut.fire(out);
        }
        perform(request, response, true);
        return out.continueAt();
    }

    /**
     * Ends the session; forgets the remembered device only when {@code forgetDevice}: a {@code GET /cas/logout} (a
     * link any site or service may send the browser to) ends the session but does not forget the device.
     */
    public void perform(HttpServletRequest request, HttpServletResponse response, boolean forgetDevice)
            throws ServletException {
        if (request.getUserPrincipal() != null) {
            Client client = clients.of(request);
            audit.record(AuditEventType.SIGNED_OUT, null, request.getUserPrincipal().getName(), client.ip(),
                    client.userAgent(), null);
        }
        String remembered = rememberCookies.read(request);
        if (remembered != null && forgetDevice) {
            devices.forgetToken(remembered, clients.of(request));
            rememberCookies.clear(request, response);
        }
        formTokens.clear(request, response); // a form kept from before the sign-out is stale (issue 21, item 3)
        request.logout();
        Sessions.invalidate(request.getSession(false));
    }
}
