package fr.ent.portal.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * Kept in the HTTP session between a right password and the second step (the factor's code, or its enrolment when
 * the profile needs one): which account, whether "stay signed in" was ticked, and until when. No role is granted
 * meanwhile: {@link Sessions#caller} ignores it.
 */
public record SecondStepState(long accountId, String identifier, boolean enrol, boolean remember, Instant expiresAt)
        implements Serializable {

    public static final String ATTRIBUTE = "ent.secondStep";

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
