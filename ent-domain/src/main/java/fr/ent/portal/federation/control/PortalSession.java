package fr.ent.portal.federation.control;

import java.time.Instant;

import fr.ent.portal.sso.control.SignInMethod;

/**
 * The portal session behind an authorization request: the account (null when not signed in), the establishment chosen
 * in it, when and how the person signed in, and, when the request comes back from the portal's sign-in, since when
 * it was waiting for it.
 */
public record PortalSession(Long accountId, Long establishmentId, Instant signedInAt, boolean byDevice,
                            Instant waitingSince, String method) {

    /**
     * Without saying how the person signed in beyond {@code byDevice}. {@code method} (issue 24) is the session's one
     * word: {@code pwd}, {@code pwd+otp} (password and authenticator app), {@code passkey}, {@code device}.
     */
    public PortalSession(Long accountId, Long establishmentId, Instant signedInAt, boolean byDevice, Instant waitingSince) {
        this(accountId, establishmentId, signedInAt, byDevice, waitingSince, byDevice ? "device" : "pwd");
    }

    public boolean signedIn() {
        return accountId != null && signedInAt != null;
    }

    /** A sign-in with typed credentials that happened after the request started waiting (prompt=login, max_age). */
    public boolean freshSignIn() {
        return signedIn() && !byDevice && waitingSince != null && !signedInAt.isBefore(waitingSince);
    }

    /** {@code amr} of the ID token (RFC 8176 names: {@code mfa} for password and app, {@code hwk} for a passkey). */
    public String amr() {
        return SignInMethod.amr(method, byDevice);
    }
}
