package fr.ent.portal.sso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import fr.ent.portal.security.Clients;

/**
 * The way back to {@code /cas/login} once the portal's own steps are done (sign-in, first connection, waiting room,
 * establishment choice): the cookie {@value #NAME} (HttpOnly, SameSite=Lax, 30 minutes) holds the service URL,
 * whether {@code renew} was asked, when, and a random nonce, signed with HMAC-SHA256 (the portal's key for the purpose
 * {@value #PURPOSE}, derived from the master signing key: the same on every node). No session is opened for it (the
 * sign-in pages stay stateless). The way back is always {@code /cas/login}, which checks the service against the
 * registry again: the cookie can never send anyone elsewhere.
 * <p>
 * <b>Bound to the session.</b> A sign-in with typed credentials records in its new session the digest of the return
 * cookie the browser brought ({@link #bind}); only that cookie, in that session, counts as "signed in for this
 * request" ({@code renew}, {@code isFromNewLogin}). A remembered device's sign-in records none. A value not signed by
 * the portal is ignored and audited ({@code CAS_RETURN_REFUSED}).
 */
@ApplicationScoped
public class CasReturn {

    public static final String NAME = "ent_cas_return";
    static final int MAX_AGE_SECONDS = 1800;
    static final String PURPOSE = "cas-return";
    /** Session attribute: the digest of the return cookie a typed-credentials sign-in of this session carried. */
    static final String BOUND = "ent.sso.boundReturn";
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    @Inject
    fr.ent.portal.security.Signatures signatures;

    /** A pending return: the service, whether a fresh sign-in was asked for, when it was asked, its digest. */
    public record Pending(String service, boolean renew, Instant since, String digest) {

        /** The portal path that resumes it. */
        public String path() {
            return "/cas/login?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8) + (renew ? "&renew=true" : "");
        }

        /** True when a sign-in with typed credentials in this session carried this very return. */
        public boolean boundTo(HttpSession session) {
            if (session == null) {
                return false;
            }
            Object bound = session.getAttribute(BOUND);
            return bound instanceof String b && MessageDigest.isEqual(b.getBytes(StandardCharsets.US_ASCII),
                    digest.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** What the cookie is worth. */
    public enum Status { ABSENT, VALID, EXPIRED, FORGED }

    public void remember(HttpServletRequest request, HttpServletResponse response, String service, boolean renew) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        response.addCookie(cookie(request, signatures.seal(PURPOSE, VERSION, Long.toString(clock.instant().getEpochSecond()),
                renew ? "r" : "n", B64.encodeToString(service.getBytes(StandardCharsets.UTF_8)), B64.encodeToString(nonce)),
                MAX_AGE_SECONDS));
    }

    public Optional<Pending> read(HttpServletRequest request) {
        return parse(Clients.cookie(request, NAME), true);
    }

    /** Whether the browser brought a return cookie, and whether the portal signed it. */
    public Status status(HttpServletRequest request) {
        String value = Clients.cookie(request, NAME);
        if (value == null || value.isEmpty()) {
            return Status.ABSENT;
        }
        if (parse(value, false).isEmpty()) {
            return Status.FORGED;
        }
        return parse(value, true).isPresent() ? Status.VALID : Status.EXPIRED;
    }

    /**
     * At a sign-in with typed credentials: binds the return cookie the browser brought (if any) to the new session.
     * Only the digest is kept; the value is verified when it is used.
     */
    public static void bind(HttpServletRequest request, HttpSession session) {
        String value = Clients.cookie(request, NAME);
        if (value == null || value.isEmpty() || value.length() > 4000) {
            session.removeAttribute(BOUND);
        } else {
            session.setAttribute(BOUND, digest(value));
        }
    }

    /** At a sign-in without typed credentials (a remembered device): nothing is bound. */
    public static void unbind(HttpSession session) {
        session.removeAttribute(BOUND);
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private Optional<Pending> parse(String value, boolean checkAge) {
        return signatures.openDated(PURPOSE, value, 5, 4000, VERSION, checkAge ? clock.instant() : null, MAX_AGE_SECONDS)
                .filter(dated -> "r".equals(dated.fields()[0]) || "n".equals(dated.fields()[0]))
                .flatMap(dated -> {
                    try {
                        String service = new String(Base64.getUrlDecoder().decode(dated.fields()[1]), StandardCharsets.UTF_8);
                        return Optional.of(new Pending(service, "r".equals(dated.fields()[0]), dated.at(), digest(value)));
                    } catch (IllegalArgumentException malformed) {
                        return Optional.empty();
                    }
                });
    }

    static String digest(String value) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        return clients.newCookie(request, NAME, value, maxAge);
    }
}
