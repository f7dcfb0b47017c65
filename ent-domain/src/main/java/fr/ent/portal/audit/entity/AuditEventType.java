package fr.ent.portal.audit.entity;

/**
 * What happened. Stored by name (varchar 40): add new values freely, never rename or remove one that may be stored.
 */
public enum AuditEventType {
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    FIRST_CONNECTION_COMPLETED,
    EMAIL_VERIFICATION_SENT,
    EMAIL_VERIFIED,
    EMAIL_VERIFICATION_REJECTED,
    PASSWORD_CHANGED,
    DEVICE_COOKIE_REJECTED,
    SIGNED_OUT,
    MAIL_DELIVERY_FAILED,
    CHILD_ATTACHED,
    CHILD_ATTACHMENT_FAILED,
    CHILD_ATTACHMENT_SUSPENDED,
    CHILD_ATTACHMENT_REFUSED,
    HELP_NEEDED,
    ESTABLISHMENT_CHOSEN,
    ESTABLISHMENT_CHOICE_REFUSED,
    PASSWORD_CHANGE_REFUSED,
    RECOVERY_EMAIL_CHANGED,
    SIGNED_OUT_EVERYWHERE,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET_SENT,
    PASSWORD_RESET_LIMITED,
    PASSWORD_RESET_REJECTED,
    PASSWORD_RESET_COMPLETED,
    IDENTIFIER_REMINDER_REQUESTED,
    IDENTIFIER_REMINDER_SENT,
    HELP_REQUEST_OPENED,
    HELP_REQUEST_RESOLVED,
    SESSION_REVOKED,

    // Administration (issue 6): recorded with the acting staff member (actor) and, when one, the account acted on.
    /** A staff member asked for something outside their scope (a forged id): answered 404. */
    ADMIN_SCOPE_DENIED,
    ADMIN_ACCOUNT_CREATED,
    ADMIN_ACCOUNT_CHANGED,
    ADMIN_RECOVERY_EMAIL_SET,
    ADMIN_RECOVERY_EMAIL_CLEARED,
    ADMIN_ACCOUNT_UNLOCKED,
    ADMIN_ACCOUNT_DISABLED,
    ADMIN_ACCOUNT_ENABLED,
    ADMIN_CODE_REISSUED,
    ADMIN_LETTERS_PRINTED,
    ADMIN_RESPONSIBILITY_CHANGED,
    ADMIN_HELP_REQUEST_RESOLVED,
    REGISTRY_IMPORT_PREVIEWED,
    REGISTRY_IMPORT_CONFIRMED,
    REGISTRY_IMPORT_REJECTED,
    /** A batch of the region's AAF feed was imported from the inbox (detail: counts). */
    REGISTRY_FEED_IMPORTED,
    /** A batch of the region's AAF feed failed: nothing of it was written (detail: first file, error count). */
    REGISTRY_FEED_FAILED,
    LEGACY_CREDENTIAL_MIGRATED,
    ESTABLISHMENT_CREATED,
    ESTABLISHMENT_CHANGED,
    SERVICE_CHANGED,
    INCIDENT_POSTED,
    INCIDENT_CHANGED,
    AUDIT_EXPORTED,

    // Admission control and remembered devices (issue 7)
    /** A waiting-room ticket was forged, expired or replayed (detail): its bearer went to the back of the line. */
    WAITING_TICKET_REJECTED,
    /** A remembered device signed its owner in without a password. */
    REMEMBERED_SIGN_IN,
    /** A remembered-device cookie was forged, unknown, expired or revoked (detail): refused, cookie cleared. */
    REMEMBERED_DEVICE_REJECTED,
    REMEMBERED_DEVICE_ISSUED,
    /** The owner forgot one remembered device, or all of them (detail). */
    REMEMBERED_DEVICE_FORGOTTEN,

    // Second factor (issue 24); details name the factor and the reason, never a code or a secret
    /** An authenticator app was confirmed by its first code (detail: totp). */
    MFA_ENROLLED,
    /** Ten new recovery codes replaced the previous ones (detail: enrolment or regenerated). */
    MFA_RECOVERY_CODES_ISSUED,
    /** A second step was refused (detail: wrong-code, replayed-code, recovery-code-used, held). */
    MFA_FAILED,
    /** A recovery code was spent at the second step (detail: the codes left). */
    MFA_RECOVERY_CODE_USED,
    /** Someone who must have a second factor put off enrolling it, within the grace period. */
    MFA_ENROLMENT_PUT_OFF,
    /** The owner removed their authenticator app. */
    MFA_REMOVED,
    /** An administrator removed every second factor of an account (lost phone): recorded with the actor. */
    ADMIN_MFA_RESET,
    /** The owner registered a passkey on /account. */
    PASSKEY_REGISTERED,
    /** The owner removed a passkey (detail: its id). */
    PASSKEY_REMOVED,
    /**
     * A passkey answer was refused (detail: registration or sign-in, and why: challenge-unknown-or-used, invalid,
     * malformed, unknown-credential, registered-to-another-account, user-handle-of-another-account,
     * counter-went-backwards: a cloned authenticator).
     */
    PASSKEY_REJECTED,

    // Single sign-on, the portal as a CAS server (issue 11); details name the registered service, never a ticket
    /** /cas/login issued a service ticket (detail: service:ID). */
    CAS_TICKET_ISSUED,
    /** A service validated a ticket (detail: service:ID). */
    CAS_TICKET_VALIDATED,
    /** A validation was refused (detail: the reason: unknown, expired, other_service, not_renewed, disabled…). */
    CAS_TICKET_REJECTED,
    /** A service URL outside the registry, or a service not offered in the chosen establishment (detail). */
    CAS_SERVICE_REFUSED,
    /** A proxy request (pgtUrl, /cas/proxy): no service may proxy. */
    CAS_PROXY_REFUSED,
    /** A back-channel logout request was sent to a service (detail: service:ID:HTTP status or error). */
    CAS_SINGLE_LOGOUT_SENT,
    // issue 20, items 3 and 4 (credential changes)
    /** A credential change voided what it must (detail: the change, links voided, sessions ended). */
    CREDENTIAL_CHANGE_VOIDED,
    /** A recovery email change on /account refused (detail: bad_current, no_current, held, limited). */
    RECOVERY_EMAIL_CHANGE_REFUSED,
    // Issue 20 (holds)
    /** A remembered device's token came back after it had rotated (a copied cookie): the device is revoked. */
    REMEMBERED_DEVICE_REUSED,
    // Issue 20, item 1 (one rule for who may act on whom)
    /**
     * A school re-issued the code of a person also linked to this establishment (a family with children in both, staff
     * assigned in both): recorded in the other establishment's log (detail: by:ESTABLISHMENT_ID, whether mailed).
     */
    ADMIN_CODE_REISSUED_ELSEWHERE,
    // Issue 20, item 5 (CAS)
    /** The way back to /cas/login (cookie ent_cas_return) was not signed by the portal or not bound to this browser. */
    CAS_RETURN_REFUSED,
    // Issue 23 (federation: the OpenID Connect provider); details name the client, never a code or a token
    /** A federation signing key was generated (detail: kid) or rotated (detail: kid, previous kid). */
    FEDERATION_KEY_CREATED,
    /** An authorization request was refused (detail: the reason: unknown_client, redirect_uri, pkce_required…). */
    OIDC_AUTHORIZE_REFUSED,
    /** An authorization code was issued (detail: client:CLIENT_ID). */
    OIDC_CODE_ISSUED,
    /** Tokens were issued at the token endpoint (detail: client:CLIENT_ID, grant type). */
    OIDC_TOKEN_ISSUED,
    /** A token request was refused (detail: the reason: invalid_client, code_replayed, pkce, redirect_uri…). */
    OIDC_TOKEN_REFUSED,
    /** A spent refresh token came back: its whole family is revoked (detail: client:CLIENT_ID). */
    OIDC_REFRESH_REUSED,
    /** A userinfo request was refused (detail: the reason). */
    OIDC_USERINFO_REFUSED,
    /** An RP-initiated logout ended the session (detail: client:CLIENT_ID) or was refused (detail: the reason). */
    OIDC_LOGOUT,
    OIDC_LOGOUT_REFUSED,
    /** The region registered, changed or gave a new secret to an OpenID Connect client (detail). */
    ADMIN_OIDC_CLIENT_SAVED,
    // Issue 23 (federation: the SAML 2.0 identity provider); details name the service provider and the reason
    /** An AuthnRequest (or an IdP-initiated start) was refused (detail: reason:sp:ENTITY_ID). Nothing was posted. */
    SAML_REQUEST_REFUSED,
    /** A signed Response with its assertion was issued (detail: sp:ENTITY_ID). */
    SAML_ASSERTION_ISSUED,
    /** A single logout ended the portal session (detail: sp:ENTITY_ID) or was sent to a service provider. */
    SAML_LOGOUT,
    /** A LogoutRequest was refused (detail: the reason). */
    SAML_LOGOUT_REFUSED,
    /** The region registered or changed a SAML service provider, or rotated the federation keys (detail). */
    ADMIN_SAML_SP_SAVED,
    // Issue 21, item 3 (forms without JavaScript)
    /** A public form (sign-in, first connection, reset, help) posted with a missing, forged, expired or unbound token. */
    FORM_TOKEN_REJECTED,
    /** A help form sent again (double click, reload, back button: same token, same content), not acted on again. */
    FORM_RESENT
}
