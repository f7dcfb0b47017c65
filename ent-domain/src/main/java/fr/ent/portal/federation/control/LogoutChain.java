package fr.ent.portal.federation.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A front-channel single logout chain (SAML 2.0 profiles, 4.4.3.3): once a portal session ended, the browser is sent
 * to each provider of that session that logs out by the browser, one at a time, with a signed LogoutRequest; the
 * provider's LogoutResponse brings it back and the chain goes on, whatever that answer was (a wrong or missing one is
 * counted, never a dead end); at the end the provider that started the logout, if one did, gets its LogoutResponse:
 * Success, or PartialLogout when one of the others did not confirm. The browser keeps the chain in a sealed cookie (any
 * node continues it), so this is a plain value ({@link #encode}, {@link #decode}), bounded: at most
 * {@link #MAX_PROVIDERS} providers, ended {@link #MAX_AGE} after its start.
 */
public record LogoutChain(Instant started, long accountId, String initiatorSp, String initiatorRequestId,
                          String relayState, List<SamlSession> remaining, String awaitingSp, String awaitingRequestId,
                          int failures) {

    /** The most providers the browser visits in one chain: the others are told by the server. */
    public static final int MAX_PROVIDERS = 8;
    /** How long a chain lives: a provider that keeps the browser longer has not confirmed, nor have those after it. */
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String NONE = "!";

    public LogoutChain {
        remaining = List.copyOf(remaining);
    }

    /**
     * A chain over the first {@link #MAX_PROVIDERS} sessions to end by the browser ({@link #overflow}: the rest);
     * {@code initiatorSp} null when the portal's own sign-out started it.
     */
    public static LogoutChain start(Instant now, long accountId, String initiatorSp, String initiatorRequestId,
                                    String relayState, List<SamlSession> byBrowser) {
        return new LogoutChain(now, accountId, initiatorSp, initiatorRequestId, relayState,
                byBrowser.subList(0, Math.min(MAX_PROVIDERS, byBrowser.size())), null, null, 0);
    }

    /** The sessions beyond the bound of a chain: told by the server instead. */
    public static List<SamlSession> overflow(List<SamlSession> byBrowser) {
        return byBrowser.size() <= MAX_PROVIDERS ? List.of() : List.copyOf(byBrowser.subList(MAX_PROVIDERS, byBrowser.size()));
    }

    public boolean expired(Instant now) {
        return !now.isBefore(started.plus(MAX_AGE));
    }

    /** The next provider to send the browser to; empty when none is left or the chain is too old. */
    public Optional<SamlSession> next(Instant now) {
        return expired(now) || remaining.isEmpty() ? Optional.empty() : Optional.of(remaining.get(0));
    }

    /** The browser was sent to the next provider with the LogoutRequest {@code requestId}. */
    public LogoutChain sent(String requestId) {
        SamlSession head = remaining.get(0);
        return new LogoutChain(started, accountId, initiatorSp, initiatorRequestId, relayState,
                remaining.subList(1, remaining.size()), head.spEntityId(), requestId, failures);
    }

    /** The next provider could not be sent a request (withdrawn meanwhile): counted as not confirmed. */
    public LogoutChain skipped() {
        return new LogoutChain(started, accountId, initiatorSp, initiatorRequestId, relayState,
                remaining.subList(1, remaining.size()), null, null, failures + 1);
    }

    /** The awaited provider's answer came back: confirmed, or wrong, refused or missing (counted). */
    public LogoutChain answered(boolean confirmed) {
        if (awaitingSp == null) {
            return this;
        }
        return new LogoutChain(started, accountId, initiatorSp, initiatorRequestId, relayState, remaining, null, null,
                confirmed ? failures : failures + 1);
    }

    /** Whether the LogoutResponse from {@code issuer} answering {@code inResponseTo} is the one the chain waits for. */
    public boolean awaits(String issuer, String inResponseTo) {
        return awaitingSp != null && awaitingSp.equals(issuer) && awaitingRequestId.equals(inResponseTo);
    }

    /** The chain without its last provider (to keep it within a cookie's size: that one is told by the server). */
    public LogoutChain withoutLast() {
        return new LogoutChain(started, accountId, initiatorSp, initiatorRequestId, relayState,
                remaining.subList(0, remaining.size() - 1), awaitingSp, awaitingRequestId, failures);
    }

    /** At its end: some provider did not confirm, or was not visited (the chain grew too old). */
    public boolean partial() {
        return failures > 0 || awaitingSp != null || !remaining.isEmpty();
    }

    // ---- the cookie's form ----------------------------------------------------------------------------------------

    /**
     * The chain as text a cookie carries unquoted: Base64url fields, separated by {@code ~}, {@code *} and {@code |}
     * ({@code !}: none); no dot (the sealed value's separator), no HTTP separator.
     */
    public String encode() {
        List<String> sessions = new ArrayList<>();
        for (SamlSession s : remaining) {
            sessions.add(text(s.spEntityId()) + "|" + text(s.nameId()) + "|" + format(s.nameIdFormat()) + "|"
                    + text(s.sessionIndex()));
        }
        return String.join("~", Long.toString(started.getEpochSecond()), Long.toString(accountId), text(initiatorSp),
                text(initiatorRequestId), text(relayState), String.join("*", sessions), text(awaitingSp),
                text(awaitingRequestId), Integer.toString(failures));
    }

    /** The chain {@link #encode} wrote; empty for anything else. */
    public static Optional<LogoutChain> decode(String encoded) {
        try {
            String[] f = encoded.split("~", -1);
            if (f.length != 9) {
                return Optional.empty();
            }
            List<SamlSession> sessions = new ArrayList<>();
            long accountId = Long.parseLong(f[1]);
            for (String one : f[5].isEmpty() ? new String[0] : f[5].split("\\*", -1)) {
                String[] s = one.split("\\|", -1);
                if (s.length != 4 || s[0].equals(NONE) || s[1].equals(NONE)) {
                    return Optional.empty();
                }
                sessions.add(new SamlSession(value(s[0]), value(s[1]), unformat(s[2]), value(s[3]), accountId));
            }
            if (sessions.size() > MAX_PROVIDERS) {
                return Optional.empty();
            }
            String awaitingSp = value(f[6]);
            String awaitingRequestId = value(f[7]);
            if ((awaitingSp == null) != (awaitingRequestId == null)) {
                return Optional.empty();
            }
            return Optional.of(new LogoutChain(Instant.ofEpochSecond(Long.parseLong(f[0])), accountId, value(f[2]),
                    value(f[3]), value(f[4]), sessions, awaitingSp, awaitingRequestId, Integer.parseInt(f[8])));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static String text(String value) {
        return value == null ? NONE : B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(String text) {
        return NONE.equals(text) ? null : new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }

    private static String format(String nameIdFormat) {
        return SamlMessages.PERSISTENT.equals(nameIdFormat) ? "p"
                : SamlMessages.TRANSIENT.equals(nameIdFormat) ? "t" : text(nameIdFormat);
    }

    private static String unformat(String text) {
        return "p".equals(text) ? SamlMessages.PERSISTENT : "t".equals(text) ? SamlMessages.TRANSIENT : value(text);
    }
}
