package fr.ent.portal.help.entity;

/** Why a person asks their school for help. Stored by name: add values freely, never rename one. */
public enum HelpRequestKind {
    /** Forgot the password and has no verified recovery email to receive a reset link. */
    NO_EMAIL_RESET,
    FORGOTTEN_IDENTIFIER,
    CHILD_ATTACHMENT_FAILED,
    NOT_MY_CHILD,
    MISSING_CHILD,
    OTHER
}
