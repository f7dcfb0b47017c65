package fr.ent.portal.federation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import fr.ent.portal.federation.boundary.SamlIdentityProvider;
import fr.ent.portal.federation.control.LogoutChain;
import fr.ent.portal.federation.control.SamlSession;
import fr.ent.portal.platform.Client;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.security.Signatures;
import fr.ent.portal.security.SigningOut;

/**
 * The front-channel SAML single logout chain ({@link LogoutChain}) on the web side: when a portal session ends by the
 * portal's sign-out ({@link SigningOut}) or by a provider's LogoutRequest ({@link SamlSloServlet}), the sessions it
 * opened at providers that log out by the browser are taken out of it (the others are told by the server when it
 * ends, {@link SamlSessions}) and the browser is sent to each in turn; each LogoutResponse comes back to
 * {@code /saml/slo}; at the end the browser goes to the provider that started (its LogoutResponse) or to the sign-in
 * page. The chain travels in the cookie {@value #NAME} (HttpOnly, SameSite=Lax, {@link LogoutChain#MAX_AGE}), sealed
 * through the one codec of signed values with its own purpose {@value #PURPOSE}: any node continues it; no node keeps it.
 */
@ApplicationScoped
public class SamlLogoutChain {

    public static final String NAME = "ent_saml_slo";
    static final String PURPOSE = "saml-logout-chain";
    static final int MAX_AGE_SECONDS = (int) LogoutChain.MAX_AGE.toSeconds();
    /** The longest cookie value kept, signature included (browsers keep 4 kB a cookie). */
    static final int MAX_VALUE = 3800;
    private static final String VERSION = "v1";

    @EJB
    SamlIdentityProvider provider;

    @Inject
    Clients clients;

    @Inject
    Sessions sessions;

    @Inject
    Signatures signatures;

    @Inject
    Clock clock;

    /** The portal's own sign-out: the providers that log out by the browser come before the sign-in page. */
    void onSigningOut(@Observes SigningOut out) {
        HttpServletRequest request = out.request();
        out.continueAt(start(request, out.response(), request.getSession(false), sessions.accountId(request), null,
                null, null));
    }

    /**
     * Starts a chain for the sessions of {@code session} (still valid) at providers that log out by the browser,
     * taking them out of it; {@code initiatorSp} (null: the portal's sign-out) gets the last answer. Returns where the
     * browser goes first, or null when no provider is to be visited.
     */
    public String start(HttpServletRequest request, HttpServletResponse response, HttpSession session, Long accountId,
                        String initiatorSp, String requestId, String relayState) {
        if (session == null || accountId == null) {
            return null;
        }
        List<SamlSession> byBrowser = provider.byBrowser(SamlSessions.opened(session).stream()
                .filter(s -> !s.spEntityId().equals(initiatorSp)).toList());
        if (byBrowser.isEmpty()) {
            return null;
        }
        byBrowser.forEach(s -> SamlSessions.forget(session, s.spEntityId()));
        List<SamlSession> byServer = new ArrayList<>(LogoutChain.overflow(byBrowser));
        LogoutChain chain = LogoutChain.start(clock.instant(), accountId, initiatorSp, requestId, relayState, byBrowser);
        while (!chain.remaining().isEmpty() && seal(chain).length() > MAX_VALUE) {
            byServer.add(chain.remaining().get(chain.remaining().size() - 1));
            chain = chain.withoutLast();
        }
        if (!byServer.isEmpty()) {
            provider.sessionEnded(byServer);
        }
        return chain.remaining().isEmpty() ? null : advance(request, response, chain);
    }

    /**
     * At {@code /saml/slo} without a LogoutRequest: a provider's LogoutResponse (or the browser back without one)
     * checked against the chain the browser brought, which then goes on whatever it was. Null: no chain (the caller
     * shows the refusal, already audited).
     */
    public String answer(HttpServletRequest request, HttpServletResponse response, boolean redirect) {
        Optional<LogoutChain> found = read(request);
        LogoutChain chain = found.orElse(null);
        String refusal = provider.logoutResponse(redirect, request.getParameter("SAMLResponse"),
                redirect ? request.getQueryString() : null, chain == null ? null : chain.awaitingSp(),
                chain == null ? null : chain.awaitingRequestId(), chain == null ? null : chain.accountId(),
                clients.of(request));
        return chain == null ? null : advance(request, response, chain.answered(refusal == null));
    }

    /** Sends the browser to the next provider, or ends the chain (a provider withdrawn meanwhile is skipped). */
    private String advance(HttpServletRequest request, HttpServletResponse response, LogoutChain start) {
        Client http = clients.of(request);
        Instant now = clock.instant();
        LogoutChain chain = start;
        while (true) {
            Optional<SamlSession> next = chain.next(now);
            if (next.isEmpty()) {
                response.addCookie(clients.newCookie(request, NAME, "", 0));
                if (chain.expired(now) && !chain.remaining().isEmpty()) {
                    provider.sessionEnded(chain.remaining()); // not visited in time: told by the server at least
                }
                String back = provider.endOfLogout(chain.initiatorSp(), chain.initiatorRequestId(), chain.relayState(),
                        chain.partial(), chain.accountId(), http);
                return back != null ? back : request.getContextPath() + "/login?signedOut=true";
            }
            SamlIdentityProvider.LogoutStep step = provider.logoutByBrowser(next.get(), http);
            if (step == null) {
                chain = chain.skipped();
                continue;
            }
            chain = chain.sent(step.requestId());
            response.addCookie(clients.newCookie(request, NAME, seal(chain), MAX_AGE_SECONDS));
            return step.redirect();
        }
    }

    String seal(LogoutChain chain) {
        return signatures.seal(PURPOSE, VERSION, Long.toString(clock.instant().getEpochSecond()), chain.encode());
    }

    Optional<LogoutChain> read(HttpServletRequest request) {
        return open(Clients.cookie(request, NAME));
    }

    /** The chain a cookie's value holds, when sealed for this purpose less than {@link LogoutChain#MAX_AGE} ago. */
    Optional<LogoutChain> open(String value) {
        return signatures.openDated(PURPOSE, value, 3, MAX_VALUE, VERSION, clock.instant(), MAX_AGE_SECONDS)
                .flatMap(dated -> LogoutChain.decode(dated.fields()[0]));
    }
}
