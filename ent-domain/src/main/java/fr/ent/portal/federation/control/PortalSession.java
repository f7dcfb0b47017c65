package fr.ent.portal.federation.control;

import java.time.Instant;

/**
 * The portal session behind an authorization request: the account (null when not signed in), the establishment chosen
 * in it, when and how the person signed in, and, when the request comes back from the portal's sign-in, since when
 * it was waiting for it.
 */
public record PortalSession(Long accountId, Long establishmentId, Instant signedInAt, boolean byDevice,
                            Instant waitingSince) {

    public boolean signedIn() {
        return accountId != null && signedInAt != null;
    }

    /** A sign-in with typed credentials that happened after the request started waiting (prompt=login, max_age). */
    public boolean freshSignIn() {
        return signedIn() && !byDevice && waitingSince != null && !signedInAt.isBefore(waitingSince);
    }

    /** {@code amr} of the ID token (RFC 8176 names). */
    public String amr() {
        return byDevice ? "device" : "pwd";
    }
}
