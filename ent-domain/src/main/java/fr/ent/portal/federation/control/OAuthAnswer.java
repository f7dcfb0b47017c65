package fr.ent.portal.federation.control;

/**
 * An answer of the token, userinfo or logout endpoints: HTTP status, JSON body, and for a refused client or token the
 * {@code WWW-Authenticate} header to send (null otherwise).
 */
public record OAuthAnswer(int status, String json, String wwwAuthenticate) {
}
