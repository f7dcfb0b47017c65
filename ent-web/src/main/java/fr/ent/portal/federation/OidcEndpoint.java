package fr.ent.portal.federation;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import fr.ent.portal.federation.control.OAuthAnswer;

/** Writing JSON answers of the OpenID Connect endpoints: never cached, no session. */
final class OidcEndpoint {

    private OidcEndpoint() {
    }

    static void json(HttpServletResponse response, int status, String json, boolean cacheable) throws IOException {
        response.setStatus(status);
        response.setHeader("Cache-Control", cacheable ? "public, max-age=60" : "no-store");
        if (!cacheable) {
            response.setHeader("Pragma", "no-cache");
        }
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(json);
    }

    static void answer(HttpServletResponse response, OAuthAnswer answer) throws IOException {
        if (answer.wwwAuthenticate() != null) {
            response.setHeader("WWW-Authenticate", answer.wwwAuthenticate());
        }
        json(response, answer.status(), answer.json(), false);
    }

    static void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
