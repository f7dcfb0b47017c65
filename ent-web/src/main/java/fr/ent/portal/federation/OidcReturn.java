package fr.ent.portal.federation;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Signatures;

/**
 * The way back to {@code /oidc/authorize} once the portal's own steps are done (sign-in, first connection,
 * establishment choice), as {@link fr.ent.portal.sso.CasReturn} does for CAS: the cookie {@value #NAME} (HttpOnly,
 * SameSite=Lax, 30 minutes) holds the authorization request's query and since when it waits, signed with HMAC-SHA256
 * (key of the purpose {@value #PURPOSE}, derived from the master signing key), through the web side's one codec
 * ({@link Signatures#seal}). The way back is always
 * {@code /oidc/authorize}, which checks the client and its redirect URI again: the cookie can send no one elsewhere.
 */
@ApplicationScoped
public class OidcReturn {

    public static final String NAME = "ent_oidc_return";
    static final int MAX_AGE_SECONDS = 1800;
    static final int MAX_QUERY = 3000;
    static final String PURPOSE = "oidc-return";
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    @Inject
    Signatures signatures;

    /** A pending authorization request: its query, and since when it waits for the portal's steps. */
    public record Pending(String query, Instant since) {

        /** The portal path that resumes it. */
        public String path() {
            return "/oidc/authorize?" + query;
        }
    }

    /** Remembers the request (false when its query is too long to keep). */
    public boolean remember(HttpServletRequest request, HttpServletResponse response, String query) {
        if (query == null || query.length() > MAX_QUERY) {
            return false;
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        response.addCookie(clients.newCookie(request, NAME, signatures.seal(PURPOSE, VERSION,
                Long.toString(clock.instant().getEpochSecond()), B64.encodeToString(query.getBytes(StandardCharsets.UTF_8)),
                B64.encodeToString(nonce)), MAX_AGE_SECONDS));
        return true;
    }

    /** The pending request the browser brought, when signed by the portal and not older than 30 minutes. */
    public Optional<Pending> read(HttpServletRequest request) {
        return signatures.openDated(PURPOSE, Clients.cookie(request, NAME), 4, 2 * MAX_QUERY, VERSION, clock.instant(),
                MAX_AGE_SECONDS).flatMap(dated -> {
                    try {
                        return Optional.of(new Pending(new String(Base64.getUrlDecoder().decode(dated.fields()[0]),
                                StandardCharsets.UTF_8), dated.at()));
                    } catch (IllegalArgumentException malformed) {
                        return Optional.empty();
                    }
                });
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(clients.newCookie(request, NAME, "", 0));
    }
}
