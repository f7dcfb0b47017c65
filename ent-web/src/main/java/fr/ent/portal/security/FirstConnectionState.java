package fr.ent.portal.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * Kept in the HTTP session between a right provisional code and the end of the first connection: which
 * account, and until when (the steps must be done in one sitting). No role is granted meanwhile.
 */
public record FirstConnectionState(long accountId, String identifier, Instant expiresAt) implements Serializable {

    public static final String ATTRIBUTE = "ent.firstConnection";

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
