package fr.ent.portal.account.entity;

/** What the account holder must do at the next sign-in before reaching the portal. */
public enum PendingAction {
    CHANGE_PASSWORD(true),
    RECORD_EMAIL(true),
    VERIFY_EMAIL(false),
    ACCEPT_CHARTER(true),
    /** Signed in with the previous ENT's credentials: the new identifier is shown once, to be noted. */
    SHOW_NEW_IDENTIFIER(true);

    private final boolean blocksSignIn;

    PendingAction(boolean blocksSignIn) {
        this.blocksSignIn = blocksSignIn;
    }

    /** Whether the step must be done before the session is granted (verifying the email can wait for the mail). */
    public boolean blocksSignIn() {
        return blocksSignIn;
    }
}
