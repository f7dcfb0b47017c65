package fr.ent.portal.establishment.control;

import fr.ent.portal.establishment.entity.UaiRule;

import fr.ent.portal.mail.entity.EmailShape;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;

/**
 * What the region types to create or change an establishment, trimmed. {@link #check} refuses it field by field
 * (field names are the form's: uai, name, kind, academie, city, contactEmail, contactPhone).
 */
public record EstablishmentDraft(String uai, String name, EstablishmentKind kind, String academie, String city,
                                 String contactEmail, String contactPhone) {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()-]{6,32}");

    public EstablishmentDraft {
        uai = UaiRule.normalize(blankToNull(uai));
        name = blankToNull(name);
        academie = blankToNull(academie);
        city = blankToNull(city);
        contactEmail = blankToNull(contactEmail);
        contactPhone = blankToNull(contactPhone);
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (uai == null) {
            errors.add(new FieldError("uai", "admin.region.uai.required"));
        } else if (!UaiRule.isValid(uai)) {
            errors.add(new FieldError("uai", "establishment.uai.invalid"));
        }
        required(errors, "name", name, 200);
        if (kind == null) {
            errors.add(new FieldError("kind", "admin.region.field.required"));
        }
        required(errors, "academie", academie, 100);
        required(errors, "city", city, 100);
        if (contactEmail != null && !EmailShape.isValid(contactEmail)) {
            errors.add(new FieldError("contactEmail", "establishment.contactEmail.invalid"));
        }
        if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
            errors.add(new FieldError("contactPhone", "establishment.contactPhone.invalid"));
        }
        return errors;
    }

    public EstablishmentDraft check() {
        List<FieldError> errors = errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return this;
    }

    static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, "admin.region.field.required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "admin.region.field.too_long", List.of(max)));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
