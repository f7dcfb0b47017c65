package fr.ent.portal.account.entity;

/**
 * A change of what proves who a person is, and what it voids: every one voids the account's open password-reset
 * links and email-verification links (a link mailed before the change must not undo it, or bypass it); a password
 * change also ends the account's sessions — the other ones when the person changed it from a signed-in session (that
 * session stays), all of them otherwise. Applied by {@code account.boundary.CredentialChanges}, which every path calls.
 */
public enum CredentialChange {

    /** The person changed the password on /account, knowing the current one: the other sessions end. */
    PASSWORD_CHANGED_BY_OWNER(Sessions.OTHERS),
    /** The first connection replaced the provisional code (and may have recorded an email). */
    FIRST_CONNECTION(Sessions.OTHERS),
    /** A new password chosen through a reset link: every session ends. */
    PASSWORD_RESET(Sessions.ALL),
    /** The school office or the region printed a new provisional code: the password is gone, every session ends. */
    CODE_REISSUED(Sessions.ALL),
    /** The recovery email changed (by the person or by the school office). */
    EMAIL_CHANGED(Sessions.NONE),
    /** The school office cleared the recovery email. */
    EMAIL_CLEARED(Sessions.NONE),
    /** The account was disabled: every session ends. */
    DISABLED(Sessions.ALL);

    /** Which sessions of the account a change ends. */
    public enum Sessions {
        /** None. */
        NONE,
        /** All but the one that made the change (the caller keeps it). */
        OTHERS,
        /** All, the one that made the change included. */
        ALL
    }

    private final Sessions sessions;

    CredentialChange(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Which sessions this change ends. */
    public Sessions sessions() {
        return sessions;
    }

    /** Every credential change voids the open reset and verification links. */
    public boolean voidsLinks() {
        return true;
    }
}
