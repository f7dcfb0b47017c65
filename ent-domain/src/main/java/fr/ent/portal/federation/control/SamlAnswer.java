package fr.ent.portal.federation.control;

/**
 * What the identity provider answers to a checked request once the portal session is known: go sign in, choose an
 * establishment, a page (refused, not offered here), or the signed Response to post to the provider's ACS.
 */
public record SamlAnswer(Kind kind, String acs, String samlResponse, String relayState, SamlSession session,
                         String serviceName) {

    public enum Kind { SIGN_IN, CHOOSE_ESTABLISHMENT, REFUSED, NOT_OFFERED, POST }

    public static SamlAnswer of(Kind kind) {
        return new SamlAnswer(kind, null, null, null, null, null);
    }

    public static SamlAnswer notOffered(String serviceName) {
        return new SamlAnswer(Kind.NOT_OFFERED, null, null, null, null, serviceName);
    }
}
