package fr.ent.portal.establishment.control;

import java.util.ArrayList;
import java.util.List;

import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;

/**
 * A service an establishment offers, as typed: name, https address ({@link ServiceUrlRule}), on or off, display
 * position (1 first; null = after the others). Field names are the form's: name, url, position.
 */
public record ServiceDraft(String name, String url, boolean enabled, Integer position) {

    public static final int MAX_POSITION = 999;

    public ServiceDraft {
        name = EstablishmentDraft.blankToNull(name);
        url = EstablishmentDraft.blankToNull(url);
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        EstablishmentDraft.required(errors, "name", name, 100);
        if (url == null) {
            errors.add(new FieldError("url", "admin.region.field.required"));
        } else if (!ServiceUrlRule.isValid(url)) {
            errors.add(new FieldError("url", "establishment.service.url.invalid"));
        }
        if (position != null && (position < 1 || position > MAX_POSITION)) {
            errors.add(new FieldError("position", "admin.region.service.position.invalid", List.of(MAX_POSITION)));
        }
        return errors;
    }

    public ServiceDraft check() {
        List<FieldError> errors = errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }
}
