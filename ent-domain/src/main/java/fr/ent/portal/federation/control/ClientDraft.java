package fr.ent.portal.federation.control;

import fr.ent.portal.federation.entity.OfferedUais;
import fr.ent.portal.federation.entity.RedirectUris;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;

/**
 * The region's form for an OpenID Connect client, checked field by field: a name, one redirect URI a line (at least
 * one, each {@link RedirectUris#refusal acceptable}), logout URIs (same rule, may be empty), known scopes including
 * {@code openid}; the UAIs where it is offered (none: everywhere) and the start address its tile opens (optional,
 * the redirect URIs' rule).
 */
public record ClientDraft(String name, List<String> redirectUris, List<String> logoutUris, Set<String> scopes,
                          boolean confidential, boolean refreshAllowed, boolean enabled, List<String> uais,
                          String startUrl) {

    public static final int MAX_NAME = 120;
    public static final int MAX_URIS = 10;

    /** Builds the draft from the form's text fields (URIs one a line), offered everywhere, no start address. */
    public static ClientDraft of(String name, String redirectUris, String logoutUris, Set<String> scopes,
                                 boolean confidential, boolean refreshAllowed, boolean enabled) {
        return of(name, redirectUris, logoutUris, scopes, confidential, refreshAllowed, enabled, null, null);
    }

    /** As above, with the UAIs where it is offered (as typed) and its start address. */
    public static ClientDraft of(String name, String redirectUris, String logoutUris, Set<String> scopes,
                                 boolean confidential, boolean refreshAllowed, boolean enabled, String uais,
                                 String startUrl) {
        return new ClientDraft(name == null ? "" : name.strip(), lines(redirectUris), lines(logoutUris),
                scopes == null ? Set.of() : new TreeSet<>(scopes), confidential, refreshAllowed, enabled,
                OfferedUais.parse(uais), startUrl == null || startUrl.isBlank() ? null : startUrl.strip());
    }

    /** @throws InvalidInputException naming each bad field */
    public void check() {
        List<FieldError> errors = new ArrayList<>();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "admin.oidc.error.name"));
        }
        uris("redirectUris", redirectUris, true, errors);
        uris("logoutUris", logoutUris, false, errors);
        if (!scopes.contains(ScopeClaims.OPENID) || !ScopeClaims.KNOWN.containsAll(scopes)) {
            errors.add(new FieldError("scopes", "admin.oidc.error.scopes"));
        }
        if (!OfferedUais.valid(uais)) {
            errors.add(new FieldError("uais", "admin.saml.error.uais"));
        }
        if (startUrl != null && (startUrl.length() > 500 || RedirectUris.refusal(startUrl).isPresent())) {
            errors.add(new FieldError("startUrl", "admin.services.error.start_url"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void uris(String field, List<String> uris, boolean required, List<FieldError> errors) {
        if (required && uris.isEmpty() || uris.size() > MAX_URIS) {
            errors.add(new FieldError(field, "admin.oidc.error.redirect_count"));
            return;
        }
        uris.stream().map(RedirectUris::refusal).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(key -> errors.add(new FieldError(field, key)));
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("\r?\n|\r")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
    }
}
