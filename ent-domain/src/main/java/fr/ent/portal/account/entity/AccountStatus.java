package fr.ent.portal.account.entity;

/** The life cycle of an account. */
public enum AccountStatus {
    /** Created; signs in with a provisional code until the first connection sets a password. */
    PROVISIONAL,
    /** Has a password. */
    ACTIVE,
    /** Cannot sign in. */
    DISABLED
}
