package fr.ent.portal.sso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.security.Clients;

/**
 * The way back to {@code /cas/login} once the portal's own steps are done (sign-in, first connection, waiting room,
 * establishment choice): the cookie {@value #NAME} (HttpOnly, SameSite=Lax, 30 minutes) holds the service URL,
 * whether {@code renew} was asked and when. No session is opened for it (the sign-in pages stay stateless). The way
 * back is always {@code /cas/login}, which checks the service against the registry again: the cookie can never
 * send anyone elsewhere.
 */
@ApplicationScoped
public class CasReturn {

    public static final String NAME = "ent_cas_return";
    static final int MAX_AGE_SECONDS = 1800;

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    /** A pending return: the service, whether a fresh sign-in was asked for, when it was asked. */
    public record Pending(String service, boolean renew, Instant since) {

        /** The portal path that resumes it. */
        public String path() {
            return "/cas/login?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8) + (renew ? "&renew=true" : "");
        }
    }

    public void remember(HttpServletRequest request, HttpServletResponse response, String service, boolean renew) {
        String value = clock.instant().getEpochSecond() + "." + (renew ? "r" : "n") + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(service.getBytes(StandardCharsets.UTF_8));
        response.addCookie(cookie(request, value, MAX_AGE_SECONDS));
    }

    public Optional<Pending> read(HttpServletRequest request) {
        String value = Clients.cookie(request, NAME);
        if (value == null || value.length() > 4000) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", 3);
        try {
            if (parts.length != 3 || !("r".equals(parts[1]) || "n".equals(parts[1]))) {
                return Optional.empty();
            }
            Instant since = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            if (since.plusSeconds(MAX_AGE_SECONDS).isBefore(clock.instant())) {
                return Optional.empty();
            }
            String service = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
            return Optional.of(new Pending(service, "r".equals(parts[1]), since));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, "", 0));
    }

    private Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        return clients.newCookie(request, NAME, value, maxAge);
    }
}
