package fr.ent.portal.mail.control;

/** What one delivery attempt of an outbox mail came to. */
public enum DeliveryOutcome {
    /** The server accepted the mail; it is now SENT. */
    SENT,
    /** The server was reached but the delivery failed; the mail will be tried again after its backoff. */
    RETRY,
    /** The server was reached but the delivery failed for the last allowed time; the mail is now FAILED. */
    FAILED,
    /** No server could be reached (or the circuit breaker is open); the mail waits, the round should stop. */
    SERVER_UNREACHABLE,
    /** Nothing to do: another node holds the mail, or it is no longer due. */
    SKIPPED
}
