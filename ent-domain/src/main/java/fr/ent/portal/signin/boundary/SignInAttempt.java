package fr.ent.portal.signin.boundary;

/**
 * What a person typed at /login, and where it came from.
 *
 * @param identifier   as typed (any case, may be junk)
 * @param secret       password or provisional code; wiped by the sign-in once checked
 * @param clientIp     the client address (already resolved through trusted proxies)
 * @param userAgent    the browser, for the audit trail and the "was it you?" mail
 * @param deviceCookie the signed device cookie of this browser, or null
 * @param admitted     the browser came back from the waiting room with an admitted ticket: first in the hash queue
 */
public record SignInAttempt(String identifier, char[] secret, String clientIp, String userAgent, String deviceCookie,
                            boolean admitted) {

    public SignInAttempt(String identifier, char[] secret, String clientIp, String userAgent, String deviceCookie) {
        this(identifier, secret, clientIp, userAgent, deviceCookie, false);
    }
}
