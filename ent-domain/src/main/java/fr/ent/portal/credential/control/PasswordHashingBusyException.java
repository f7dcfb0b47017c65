package fr.ent.portal.credential.control;

import java.time.Duration;

/**
 * Too many password hashes were queued: the admission gate could not take the caller within {@code ent.admission.max-wait}.
 * A sign-in page answers "busy, try again in a moment" (message key {@link #MESSAGE_KEY}) instead of piling up.
 */
public class PasswordHashingBusyException extends RuntimeException {

    public static final String MESSAGE_KEY = "password.hashing.busy";

    public PasswordHashingBusyException(Duration waited) {
        super("Password hashing busy: no permit within " + waited);
    }
}
