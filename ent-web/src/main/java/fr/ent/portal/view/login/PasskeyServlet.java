package fr.ent.portal.view.login;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.metrics.PortalMetrics;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.mfa.boundary.Passkeys;
import fr.ent.portal.security.Clients;
import fr.ent.portal.security.DeviceCookies;
import fr.ent.portal.security.Sessions;
import fr.ent.portal.signin.boundary.PasskeySignIn;
import fr.ent.portal.signin.boundary.SignInResult;

/**
 * The passkeys' JSON exchanges with {@code js/passkeys.js} (issue 24), all POST with a JSON body (a cross-site form
 * cannot send one without a preflight, and {@code SameOriginFilter} refuses another Origin):
 * <ul>
 * <li>{@code /passkey/options}: the options of a sign-in (a new challenge);</li>
 * <li>{@code /passkey/sign-in}: the browser's answer; signed in: {@code {"redirect": landing}}, else 401;</li>
 * <li>{@code /passkey/register-options} and {@code /passkey/register?name=…}: the same for adding a passkey to the
 * signed-in account (403 without a session).</li>
 * </ul>
 * No page work, no password hash: a passkey sign-in takes no admission slot.
 */
@WebServlet({"/passkey/options", "/passkey/sign-in", "/passkey/register-options", "/passkey/register"})
public class PasskeyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** A WebAuthn answer is a few kilobytes; anything beyond this is not read. */
    static final int MAX_BODY = 64 * 1024;

    @EJB
    Passkeys passkeys;
    @EJB
    PasskeySignIn passkeySignIn;
    @Inject
    Sessions sessions;
    @Inject
    Clients clients;
    @Inject
    DeviceCookies deviceCookies;
    @Inject
    SignInCompletion completion;
    @Inject
    PortalMetrics metrics;
    @Inject
    Settings settings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.getBoolean(Setting.PASSKEY_ENABLED)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        String body = body(request);
        if (body == null) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        switch (request.getServletPath()) {
            case "/passkey/options" -> json(response, HttpServletResponse.SC_OK, passkeys.signInOptions());
            case "/passkey/sign-in" -> signIn(request, response, body);
            case "/passkey/register-options" -> {
                Long accountId = sessions.accountId(request);
                if (accountId == null) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    return;
                }
                json(response, HttpServletResponse.SC_OK, passkeys.registrationOptions(accountId));
            }
            default -> register(request, response, body);
        }
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response, String body) throws IOException {
        SignInResult result = passkeySignIn.verify(body, deviceCookies.read(request), clients.of(request));
        metrics.signIn(result.signedIn() ? "passkey" : "passkey_refused");
        if (!result.signedIn()) {
            json(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"signedIn\":false}");
            return;
        }
        sessions.discard(request);
        String landing = completion.completeVerified(request, response, result, false, Sessions.PASSKEY);
        json(response, HttpServletResponse.SC_OK, jakarta.json.Json.createObjectBuilder().add("signedIn", true)
                .add("redirect", request.getContextPath() + landing.replace("?faces-redirect=true", "")
                        .replace("&faces-redirect=true", "")).build().toString());
    }

    private void register(HttpServletRequest request, HttpServletResponse response, String body) throws IOException {
        Long accountId = sessions.accountId(request);
        if (accountId == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Passkeys.Registration outcome = passkeys.register(accountId, request.getParameter("name"), body,
                clients.of(request));
        json(response, outcome == Passkeys.Registration.REGISTERED ? HttpServletResponse.SC_OK
                : HttpServletResponse.SC_BAD_REQUEST, "{\"outcome\":\"" + outcome.name() + "\"}");
    }

    /** The body as text, or null when longer than {@link #MAX_BODY}. */
    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] read = in.readNBytes(MAX_BODY + 1);
            return read.length > MAX_BODY ? null : new String(read, StandardCharsets.UTF_8);
        }
    }

    private static void json(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }
}
