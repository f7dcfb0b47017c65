package fr.ent.portal.sso.control;

/**
 * What {@code /cas/login} does for a signed-in person: refuse the service URL (outside the registry), ask for the
 * establishment first, say that the service is not offered in the chosen establishment, or go to the service with a
 * ticket ({@code redirect}).
 */
public record LoginAnswer(Kind kind, String redirect, IssuedTicket issued, Long establishmentId, String serviceName) {

    public enum Kind { REFUSED, CHOOSE_ESTABLISHMENT, NOT_OFFERED_HERE, TICKET }

    public static LoginAnswer of(Kind kind) {
        return new LoginAnswer(kind, null, null, null, null);
    }
}
