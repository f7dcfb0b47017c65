package fr.ent.portal.account.entity;

/** What the account holder must do at the next sign-in before reaching the portal. */
public enum PendingAction {
    CHANGE_PASSWORD,
    RECORD_EMAIL,
    VERIFY_EMAIL,
    ACCEPT_CHARTER
}
