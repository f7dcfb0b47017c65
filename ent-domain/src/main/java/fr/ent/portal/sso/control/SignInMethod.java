package fr.ent.portal.sso.control;

/**
 * How a person signed in, as single sign-on tells the services (issue 24, item 6): from the session's word ({@code pwd},
 * {@code pwd+otp}, {@code passkey}, {@code device}) to RFC 8176's {@code amr} values, which OpenID Connect's ID token and
 * CAS's {@code authenticationMethod} attribute carry, and to CAS's multi-factor context ({@code authnContextClass}).
 */
public final class SignInMethod {

    private SignInMethod() {
    }

    /**
     * RFC 8176: {@code pwd}, {@code mfa} (password and authenticator app), {@code hwk} (a passkey: a key held in
     * hardware, with user verification), or {@code device} (a remembered device; not an RFC 8176 value).
     */
    public static String amr(String method, boolean byDevice) {
        if (byDevice) {
            return "device";
        }
        return switch (method == null ? "pwd" : method) {
            case "pwd+otp" -> "mfa";
            case "passkey" -> "hwk";
            case "device" -> "device";
            default -> "pwd";
        };
    }

    /**
     * The multi-factor context CAS servers release as {@code authnContextClass} (Apereo CAS's names): {@code mfa-gauth}
     * for an authenticator app, {@code mfa-webauthn} for a passkey; null for one factor.
     */
    public static String casContextClass(String amr) {
        return switch (amr) {
            case "mfa" -> "mfa-gauth";
            case "hwk" -> "mfa-webauthn";
            default -> null;
        };
    }
}
