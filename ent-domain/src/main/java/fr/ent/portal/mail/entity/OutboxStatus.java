package fr.ent.portal.mail.entity;

/** Where a mail of the outbox stands. */
public enum OutboxStatus {
    /** Waiting for its (next) delivery attempt. */
    QUEUED,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the maximum number of attempts. */
    FAILED
}
