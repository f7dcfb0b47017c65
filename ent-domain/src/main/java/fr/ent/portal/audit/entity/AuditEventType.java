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
    MAIL_DELIVERY_FAILED
}
