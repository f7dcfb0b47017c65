package fr.ent.portal.federation.boundary;

import java.io.Serializable;
import java.util.List;

import fr.ent.portal.federation.control.ServiceProtocol;

/**
 * One row of the region's registry of connected services, whatever its protocol (a copy: no entity leaves the
 * boundary). {@code id} is the registration's own id (a CAS service's, with its {@code establishmentId}; a SAML
 * provider's; an OIDC client's); {@code address} what identifies it to the protocol (CAS pattern, SAML entity id,
 * OIDC client id); {@code offeredIn} the UAIs of the establishments where it is offered (empty: every one);
 * {@code opensAt} the address its tile opens (null: none).
 */
public record ConnectedService(ServiceProtocol protocol, long id, Long establishmentId, String name, String address,
                               List<String> offeredIn, boolean singleLogout, boolean enabled, String opensAt)
        implements Serializable {

    public ConnectedService {
        offeredIn = List.copyOf(offeredIn);
    }

    /** The UAIs, space-separated, for display (empty: every establishment). */
    public String offeredText() {
        return String.join(" ", offeredIn);
    }
}
