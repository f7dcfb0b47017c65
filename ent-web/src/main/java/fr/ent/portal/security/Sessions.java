package fr.ent.portal.security;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.signin.boundary.SignInResult;

/** The HTTP session around signing in: a fresh one at each step (no fixation), with the configured idle timeout. */
@Named
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());

    /** How long the first-connection steps may take once the provisional code was accepted. */
    static final Duration FIRST_CONNECTION_WINDOW = Duration.ofMinutes(30);

    static final String ACCOUNT_ID = "ent.accountId";
    static final String ESTABLISHMENT_ID = "ent.establishmentId";
    static final String CALLER = "ent.caller";
    static final String CALLER_GROUPS = "ent.callerGroups";

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Ends whatever session the browser had before a new sign-in. */
    public void discard(HttpServletRequest request) {
        invalidate(request.getSession(false));
    }

    /**
     * Invalidates a session. Payara 6 sometimes fails at the very end of {@code invalidate()} with a
     * NullPointerException in its session-cookie bookkeeping (a recycled response still tracking the session,
     * seen under load in the PostgreSQL CI run); by then the session is invalid and removed, so the failure is
     * logged and the request goes on instead of ending in an error page.
     */
    public static void invalidate(HttpSession session) {
        if (session == null) {
            return;
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile: nothing left to do
        } catch (NullPointerException containerBookkeeping) {
            LOG.log(Level.FINE, "Session invalidated; the container's cookie bookkeeping failed afterwards", containerBookkeeping);
        }
    }

    /** When the session's holder signed in (an {@code Instant}): "sign out everywhere" and a password reset void older sessions. */
    static final String SIGNED_IN_AT = "ent.signedInAt";

    /** When the holder of this session last typed their password (an {@code Instant}); absent after a remembered device. */
    static final String PASSWORD_TYPED_AT = "ent.passwordTypedAt";
    /** This session survived a credential change that ended the account's other sessions: valid from this instant. */
    static final String KEPT_AT = "ent.sessionKeptAt";

    /** After the container accepted the caller: a new session id, the configured idle timeout. */
    public void signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            session = request.getSession(true);
        } else {
            request.changeSessionId();
        }
        session.removeAttribute(FirstConnectionState.ATTRIBUTE);
        session.removeAttribute(SecondStepState.ATTRIBUTE);
        session.removeAttribute(PASSWORD_TYPED_AT);
        session.removeAttribute(KEPT_AT);
        session.setAttribute(SIGNED_IN_AT, clock.instant());
        session.setMaxInactiveInterval(timeoutSeconds());
    }

    /**
     * As {@link #signedIn(HttpServletRequest)}, remembering whose session it is, since when, and the caller the
     * container accepted (name and groups, as plain strings): {@link PortalAuthenticationMechanism} gives that caller
     * back to the container on each request, on whichever node of a cluster the session is read.
     */
    public void signedIn(HttpServletRequest request, SignInResult result) {
        signedIn(request);
        HttpSession session = request.getSession();
        session.setAttribute(ACCOUNT_ID, result.accountId());
        session.setAttribute(SIGNED_IN_AT, clock.instant());
        session.setAttribute(CALLER, result.identifier());
        session.setAttribute(CALLER_GROUPS, String.join(",", new java.util.TreeSet<>(result.groups())));
        // issue 20 (CAS): typed credentials; the way back to /cas/login the browser brought is bound to this session
        session.removeAttribute(SIGNED_IN_BY_DEVICE);
        session.removeAttribute(SIGNED_IN_WITH);
        fr.ent.portal.sso.CasReturn.bind(request, session);
    }

    /**
     * Session attribute: how the holder signed in, one word that single sign-on passes on (CAS attribute, SAML
     * AuthnContextClassRef, OpenID Connect amr/acr): {@link #PASSWORD}, {@link #PASSWORD_AND_FACTOR},
     * {@link #PASSKEY} or {@link #REMEMBERED_DEVICE}.
     */
    public static final String SIGNED_IN_WITH = "ent.signedInWith";
    public static final String PASSWORD = "pwd";
    public static final String PASSWORD_AND_FACTOR = "pwd+otp";
    public static final String PASSKEY = "passkey";
    public static final String REMEMBERED_DEVICE = "device";

    /** Records how this session was signed in (see {@link #SIGNED_IN_WITH}). */
    public void signedInWith(HttpServletRequest request, String how) {
        request.getSession().setAttribute(SIGNED_IN_WITH, how);
    }

    /** How this session was signed in (see {@link #SIGNED_IN_WITH}); {@link #PASSWORD} when not recorded. */
    public String signedInWith(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object how = session == null ? null : session.getAttribute(SIGNED_IN_WITH);
        return how instanceof String h ? h : PASSWORD;
    }

    /** Session attribute: a remembered device, not typed credentials, signed this session in. */
    static final String SIGNED_IN_BY_DEVICE = "ent.signedInByDevice";

    /** After {@link #signedIn(HttpServletRequest, SignInResult)} for a remembered device: no credentials were typed. */
    public void markSignedInByDevice(HttpServletRequest request) {
        HttpSession session = request.getSession();
        session.setAttribute(SIGNED_IN_BY_DEVICE, Boolean.TRUE);
        session.setAttribute(SIGNED_IN_WITH, REMEMBERED_DEVICE);
        fr.ent.portal.sso.CasReturn.unbind(session);
    }

    /** True when a remembered device signed this session in (CAS: longTermAuthenticationRequestTokenUsed). */
    public boolean signedInByDevice(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(SIGNED_IN_BY_DEVICE));
    }

    /** The caller kept in the session by a sign-in, or null (no session, not signed in, or ended). */
    public Caller caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            Object name = session.getAttribute(CALLER);
            Object groups = session.getAttribute(CALLER_GROUPS);
            if (!(name instanceof String n) || !(groups instanceof String g) || session.getAttribute(ACCOUNT_ID) == null) {
                return null;
            }
            return new Caller(n, g.isEmpty() ? java.util.Set.of() : java.util.Set.of(g.split(",")));
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Who signed in: the identifier and the groups (roles) given by the identity store. */
    public record Caller(String name, java.util.Set<String> groups) {
    }

    /** The signed-in account's id, null without a signed-in session. */
    public Long accountId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null || request.getUserPrincipal() == null ? null : (Long) session.getAttribute(ACCOUNT_ID);
    }

    /** The holder typed their password for this session now (sign-in form, first connection): not a remembered device. */
    public void passwordTyped(HttpServletRequest request) {
        request.getSession().setAttribute(PASSWORD_TYPED_AT, clock.instant());
    }

    /** When the holder last typed their password for this session; null if never (a remembered device). */
    public Instant passwordTypedAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Instant) session.getAttribute(PASSWORD_TYPED_AT);
    }

    /**
     * This session made a credential change that ended the account's other sessions (all those started up to
     * {@code sessionsValidAfter}): it stays, valid from just after that instant. {@link #signedInAt} does not change
     * (single sign-on reads it as the time of the sign-in).
     */
    public void keep(HttpServletRequest request, Instant sessionsValidAfter) {
        if (sessionsValidAfter != null) {
            request.getSession().setAttribute(KEPT_AT, sessionsValidAfter.plus(1, java.time.temporal.ChronoUnit.MICROS));
        }
    }

    /** The instant the account's "sessions valid after" is compared with: the sign-in, or a later {@link #keep}. */
    public Instant validSince(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        Instant keptAt = (Instant) session.getAttribute(KEPT_AT);
        return signedInAt == null || keptAt == null || signedInAt.isAfter(keptAt) ? signedInAt : keptAt;
    }

    /** When this session was signed in (null without a signed-in session). */
    public Instant signedInAt(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Instant) session.getAttribute(SIGNED_IN_AT);
    }

    /** The establishment chosen for this session, null when none. */
    public Long establishment(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Long) session.getAttribute(ESTABLISHMENT_ID);
    }

    public void establishment(HttpServletRequest request, Long establishmentId) {
        request.getSession().setAttribute(ESTABLISHMENT_ID, establishmentId);
    }

    public void startFirstConnection(HttpServletRequest request, SignInResult result) {
        discard(request);
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) FIRST_CONNECTION_WINDOW.toSeconds());
        session.setAttribute(FirstConnectionState.ATTRIBUTE, new FirstConnectionState(result.accountId(),
                result.identifier(), clock.instant().plus(FIRST_CONNECTION_WINDOW)));
    }

    public FirstConnectionState firstConnection(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        FirstConnectionState state = (FirstConnectionState) session.getAttribute(FirstConnectionState.ATTRIBUTE);
        return state == null || state.expired(clock.instant()) ? null : state;
    }

    /** How long the second step (the factor's code, or its enrolment) may take once the password was right. */
    static final Duration SECOND_STEP_WINDOW = Duration.ofMinutes(10);

    /** A right password with a second step to come: a fresh session that holds only {@link SecondStepState}. */
    public void startSecondStep(HttpServletRequest request, SignInResult result, boolean remember) {
        discard(request);
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) SECOND_STEP_WINDOW.toSeconds());
        session.setAttribute(SecondStepState.ATTRIBUTE, new SecondStepState(result.accountId(), result.identifier(),
                result.outcome() == SignInResult.Outcome.ENROL_FACTOR, remember, clock.instant().plus(SECOND_STEP_WINDOW)));
    }

    /** The second step under way in this session, or null (none, expired, or already signed in). */
    public SecondStepState secondStep(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        SecondStepState state = (SecondStepState) session.getAttribute(SecondStepState.ATTRIBUTE);
        return state == null || state.expired(clock.instant()) ? null : state;
    }

    /** When the page warns that the session is about to end: two minutes before (or at half time for short timeouts). */
    public long getWarningMillis() {
        long timeout = timeoutSeconds() * 1000L;
        return Math.max(timeout / 2, timeout - 120_000L);
    }

    public int timeoutSeconds() {
        return (int) settings.getDuration(Setting.SESSION_TIMEOUT).toSeconds();
    }
}
