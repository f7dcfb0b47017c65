package fr.ent.portal.federation;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

import fr.ent.portal.federation.control.PortalSession;
import fr.ent.portal.security.Sessions;

/** The portal session behind a federation request, as the domain's providers read it (OpenID Connect and SAML). */
final class PortalSessions {

    private PortalSessions() {
    }

    /** @param waitingSince when the request started waiting for the portal's sign-in (null: it was not kept) */
    static PortalSession of(Sessions sessions, HttpServletRequest request, Instant waitingSince) {
        return new PortalSession(sessions.accountId(request), sessions.establishment(request),
                sessions.signedInAt(request), sessions.signedInByDevice(request), waitingSince,
                sessions.signedInWith(request));
    }
}
