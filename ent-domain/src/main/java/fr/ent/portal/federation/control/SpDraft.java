package fr.ent.portal.federation.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.ent.portal.federation.entity.OfferedUais;
import fr.ent.portal.federation.entity.RedirectUris;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;

/**
 * The region's form for a SAML service provider: a name, the attributes it receives, persistent (pairwise) or
 * transient NameID, whether its requests must be signed, the UAIs of the establishments where it is offered (none:
 * everywhere), single logout, on or off, and optionally its own start address for its tile (else the portal's
 * IdP-initiated start). The metadata's addresses are checked with the OpenID Connect rule
 * ({@link RedirectUris}: https, or http on loopback only).
 */
public record SpDraft(String name, Set<SamlAttribute> attributes, boolean transientNameId, boolean signedRequests,
                      List<String> uais, boolean singleLogout, boolean enabled, String startUrl) {

    public static final int MAX_NAME = 120;

    public static SpDraft of(String name, List<String> attributes, boolean transientNameId, boolean signedRequests,
                             String uais, boolean singleLogout, boolean enabled) {
        return of(name, attributes, transientNameId, signedRequests, uais, singleLogout, enabled, null);
    }

    public static SpDraft of(String name, List<String> attributes, boolean transientNameId, boolean signedRequests,
                             String uais, boolean singleLogout, boolean enabled, String startUrl) {
        Set<SamlAttribute> chosen = EnumSet.noneOf(SamlAttribute.class);
        if (attributes != null) {
            chosen.addAll(SamlAttribute.parse(String.join(",", attributes)));
        }
        return new SpDraft(name == null ? "" : name.strip(), chosen, transientNameId, signedRequests,
                OfferedUais.parse(uais), singleLogout, enabled,
                startUrl == null || startUrl.isBlank() ? null : startUrl.strip());
    }

    /** @throws InvalidInputException naming each bad field */
    public void check(SpMetadata metadata) {
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "admin.saml.error.name"));
        }
        if (!OfferedUais.valid(uais)) {
            errors.add(new FieldError("uais", "admin.saml.error.uais"));
        }
        if (startUrl != null && (startUrl.length() > 500 || RedirectUris.refusal(startUrl).isPresent())) {
            errors.add(new FieldError("startUrl", "admin.services.error.start_url"));
        }
        if (metadata != null) {
            if (RedirectUris.refusal(metadata.acs()).isPresent()
                    || metadata.slo() != null && RedirectUris.refusal(metadata.slo()).isPresent()) {
                errors.add(new FieldError("metadata", "admin.saml.error.addresses"));
            }
            if (signedRequests && metadata.certificate() == null) {
                errors.add(new FieldError("signedRequests", "admin.saml.error.no_certificate"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
