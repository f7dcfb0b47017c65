package fr.ent.portal.incident.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;

/**
 * What the region types to post or change an incident notice. {@link #check} refuses it field by field (the
 * field names are the form's: title, text, severity, from, until, establishments).
 *
 * @param until             null for "until further notice"
 * @param establishmentIds  the establishments concerned when not {@code allEstablishments}
 */
public record IncidentDraft(String title, String text, Severity severity, Instant from, Instant until,
                            boolean allEstablishments, Set<Long> establishmentIds) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 4000;

    public IncidentDraft {
        establishmentIds = establishmentIds == null ? Set.of() : Set.copyOf(establishmentIds);
    }

    /** The refusals, empty when the draft can be saved. */
    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldError("title", "incident.title.required"));
        } else if (title.strip().length() > MAX_TITLE) {
            errors.add(new FieldError("title", "incident.title.too_long", List.of(MAX_TITLE)));
        }
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("text", "incident.text.required"));
        } else if (text.strip().length() > MAX_TEXT) {
            errors.add(new FieldError("text", "incident.text.too_long", List.of(MAX_TEXT)));
        }
        if (severity == null) {
            errors.add(new FieldError("severity", "incident.severity.required"));
        }
        if (from == null) {
            errors.add(new FieldError("from", "incident.from.required"));
        } else if (until != null && !until.isAfter(from)) {
            errors.add(new FieldError("until", "incident.until.before_from"));
        }
        if (!allEstablishments && establishmentIds.isEmpty()) {
            errors.add(new FieldError("establishments", "incident.establishments.required"));
        }
        return errors;
    }

    /** Throws {@link InvalidInputException} unless the draft can be saved. */
    public IncidentDraft check() {
        List<FieldError> errors = errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }
}
