package fr.ent.portal.establishment.control;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.establishment.entity.PatternKind;
import fr.ent.portal.establishment.entity.ReleasedAttribute;
import fr.ent.portal.establishment.entity.ServiceAddress;
import fr.ent.portal.establishment.entity.ServicePattern;

/**
 * A service an establishment offers, as typed: name, https address ({@link ServiceUrlRule}), on or off, display
 * position (1 first; null = after the others) and, for single sign-on, the kind and value of its pattern (kind null:
 * a plain link), the attributes it may receive and single logout. With single sign-on the address itself must be
 * one the pattern allows (the tile opens {@code /cas/login?service=} that address). Field names are the form's:
 * name, url, position, ssoPattern.
 */
public record ServiceDraft(String name, String url, boolean enabled, Integer position, PatternKind ssoKind,
                           String ssoPattern, Set<ReleasedAttribute> attributes, boolean singleLogout) {

    public static final int MAX_POSITION = 999;

    public ServiceDraft {
        name = EstablishmentDraft.blankToNull(name);
        url = EstablishmentDraft.blankToNull(url);
        ssoPattern = ssoKind == null ? null : EstablishmentDraft.blankToNull(ssoPattern);
        attributes = attributes == null || attributes.isEmpty() ? EnumSet.noneOf(ReleasedAttribute.class)
                : EnumSet.copyOf(attributes);
    }

    /** A plain link (no single sign-on). */
    public ServiceDraft(String name, String url, boolean enabled, Integer position) {
        this(name, url, enabled, position, null, null, Set.of(), false);
    }

    public List<FieldError> errors() {
        return errors(false);
    }

    /** As {@link #errors()}; {@code loopbackHttp} also accepts http://localhost and http://127.0.0.1 addresses. */
    public List<FieldError> errors(boolean loopbackHttp) {
        List<FieldError> errors = new ArrayList<>();
        EstablishmentDraft.required(errors, "name", name, 100);
        if (url == null) {
            errors.add(new FieldError("url", "admin.region.field.required"));
        } else if (!ServiceUrlRule.isValid(url) && !(loopbackHttp && ServiceAddress.parse(url, true).isPresent())) {
            errors.add(new FieldError("url", "establishment.service.url.invalid"));
        }
        if (position != null && (position < 1 || position > MAX_POSITION)) {
            errors.add(new FieldError("position", "admin.region.service.position.invalid", List.of(MAX_POSITION)));
        }
        if (ssoKind != null) {
            List<String> patternErrors = ServicePattern.errors(ssoKind, ssoPattern, loopbackHttp);
            patternErrors.forEach(key -> errors.add(new FieldError("ssoPattern", key)));
            if (patternErrors.isEmpty() && url != null && !pattern().allows(url, loopbackHttp)) {
                errors.add(new FieldError("ssoPattern", "sso.pattern.url_outside"));
            }
        }
        return errors;
    }

    /** The pattern typed, when single sign-on is asked for. */
    public ServicePattern pattern() {
        return ssoKind == null ? null : new ServicePattern(ssoKind, ssoPattern);
    }

    public ServiceDraft check() {
        return check(false);
    }

    public ServiceDraft check(boolean loopbackHttp) {
        List<FieldError> errors = errors(loopbackHttp);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }
}
