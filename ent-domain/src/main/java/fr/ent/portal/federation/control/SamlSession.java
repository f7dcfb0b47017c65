package fr.ent.portal.federation.control;

import java.io.Serializable;

/**
 * A session the portal opened at a SAML service provider (an assertion it posted there): what a LogoutRequest to it
 * names. Kept with the portal session, which tells these providers when it ends (single logout).
 */
public record SamlSession(String spEntityId, String nameId, String nameIdFormat, String sessionIndex, long accountId)
        implements Serializable {
}
