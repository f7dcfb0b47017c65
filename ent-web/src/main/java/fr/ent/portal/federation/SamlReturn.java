package fr.ent.portal.federation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.federation.control.SamlPending;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.Signatures;

/**
 * The way back to {@code /saml/resume} once the portal's own steps are done (sign-in, first connection, establishment
 * choice), as {@link OidcReturn} does for OpenID Connect: the cookie {@value #NAME} (HttpOnly, SameSite=Lax, 30
 * minutes) holds the request already checked ({@link SamlPending}) and since when it waits, signed with HMAC-SHA256
 * (key of the purpose {@value #PURPOSE}, derived from the master signing key) through the one codec of signed values
 * ({@link Signatures#seal}). The provider and its ACS are read again from the registry when the answer is made: the
 * cookie can send no one elsewhere.
 */
@ApplicationScoped
public class SamlReturn {

    public static final String NAME = "ent_saml_return";
    public static final String PATH = "/saml/resume";
    static final int MAX_AGE_SECONDS = 1800;
    /** The longest cookie value kept, signature included. */
    static final int MAX_VALUE = 3100;
    static final String PURPOSE = "saml-return";
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    @Inject
    Signatures signatures;

    /**
     * A checked request waiting for the portal's steps, and since when it waits for a sign-in (null: it was only
     * carried across the cross-site POST, no sign-in asked yet).
     */
    public record Waiting(SamlPending pending, Instant since) {
    }

    /** Remembers the request (false when it is too long to keep); {@code since} null: no sign-in asked yet. */
    public boolean remember(HttpServletRequest request, HttpServletResponse response, SamlPending pending, Instant since) {
        String value = seal(pending, since);
        if (value.length() > MAX_VALUE) {
            return false;
        }
        response.addCookie(clients.newCookie(request, NAME, value, MAX_AGE_SECONDS));
        return true;
    }

    /** The waiting request the browser brought, when signed by the portal and not older than 30 minutes. */
    public Optional<Waiting> read(HttpServletRequest request) {
        return open(Clients.cookie(request, NAME));
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(clients.newCookie(request, NAME, "", 0));
    }

    /** The cookie's value: version, when kept, since when it waits (0: no sign-in asked yet), the request; sealed. */
    String seal(SamlPending pending, Instant since) {
        return signatures.seal(PURPOSE, VERSION, Long.toString(clock.instant().getEpochSecond()),
                Long.toString(since == null ? 0 : since.getEpochSecond()),
                B64.encodeToString(pending.encode().getBytes(StandardCharsets.UTF_8)));
    }

    /** The request a cookie's value holds, when sealed for this purpose and kept less than 30 minutes ago. */
    Optional<Waiting> open(String value) {
        return signatures.openDated(PURPOSE, value, 4, MAX_VALUE, VERSION, clock.instant(), MAX_AGE_SECONDS)
                .flatMap(dated -> {
                    try {
                        long sinceSeconds = Long.parseLong(dated.fields()[0]);
                        Instant since = sinceSeconds == 0 ? null : Instant.ofEpochSecond(sinceSeconds);
                        return SamlPending.decode(new String(Base64.getUrlDecoder().decode(dated.fields()[1]),
                                StandardCharsets.UTF_8)).map(p -> new Waiting(p, since));
                    } catch (IllegalArgumentException malformed) {
                        return Optional.empty();
                    }
                });
    }
}
