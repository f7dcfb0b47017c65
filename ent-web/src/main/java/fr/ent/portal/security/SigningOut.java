package fr.ent.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The CDI event {@link SignOut} fires when a person signs out at the portal ({@code POST /logout}), while the session
 * still holds what it opened: an observer may take the browser out by another way than the sign-in page (the SAML
 * front-channel logout chain, {@code federation.SamlLogoutChain}) by naming where it goes first. The security layer
 * knows no federation class: it only follows the address it is given (one of the portal's or a registered provider's).
 */
public final class SigningOut {

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private String continueAt;

    SigningOut(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    /** Where the browser goes after the sign-out instead of the sign-in page (the first observer that names one wins). */
    public void continueAt(String address) {
        if (continueAt == null && address != null) {
            continueAt = address;
        }
    }

    String continueAt() {
        return continueAt;
    }
}
