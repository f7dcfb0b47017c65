package fr.ent.portal.account.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When a sensitive change (the recovery email) may go on without the current password typed again: only when the
 * session's holder typed their password (at sign-in or first connection, never a remembered device) less than the
 * window ago. A missing instant, one in the future (a clock step back) or one at the edge of the window ask again.
 */
public final class Reauthentication {

    private Reauthentication() {
    }

    /**
     * @param passwordTypedAt when this session's holder last typed their password; null if they never did in it
     *                        (signed in by a remembered device)
     */
    public static boolean recentEnough(Instant passwordTypedAt, Instant now, Duration window) {
        return passwordTypedAt != null && !passwordTypedAt.isAfter(now)
                && Duration.between(passwordTypedAt, now).compareTo(window) < 0;
    }
}
