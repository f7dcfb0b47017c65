package fr.ent.portal.federation.control;

/**
 * What {@code /oidc/authorize} does next.
 *
 * @param kind     the step
 * @param redirect for {@link Kind#REDIRECT}: the client's registered redirect URI with the code or the error
 * @param reason   for {@link Kind#ERROR_PAGE}: why (a short code, shown to no one but the audit trail)
 */
public record AuthorizeAnswer(Kind kind, String redirect, String reason) {

    public enum Kind {
        /** Unknown client, or a redirect URI not registered for it: a page, never a redirect. */
        ERROR_PAGE,
        /** Back to the client (code, or an OAuth error with the state). */
        REDIRECT,
        /** The person must sign in (again) first, then come back. */
        SIGN_IN,
        /** Several establishments and none chosen: /establishments first, then back. */
        CHOOSE_ESTABLISHMENT
    }

    public static AuthorizeAnswer page(String reason) {
        return new AuthorizeAnswer(Kind.ERROR_PAGE, null, reason);
    }

    public static AuthorizeAnswer redirect(String uri) {
        return new AuthorizeAnswer(Kind.REDIRECT, uri, null);
    }

    public static AuthorizeAnswer of(Kind kind) {
        return new AuthorizeAnswer(kind, null, null);
    }
}
