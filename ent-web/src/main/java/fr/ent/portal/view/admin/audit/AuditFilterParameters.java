package fr.ent.portal.view.admin.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import fr.ent.portal.admin.control.AuditFilter;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AddressParameters;

/**
 * The filter of /admin/audit from the address's parameters: an unknown type is no filter on the type; a date that
 * is not {@code yyyy-MM-dd} is no bound, and the page says so ({@code admin.audit.filter.bad_date}).
 */
final class AuditFilterParameters {

    private AuditFilterParameters() {
    }

    static AuditFilter filter(String type, String identifier, String from, String to) {
        return new AuditFilter(AddressParameters.constant(AuditEventType.class, type), identifier, day(from), day(to));
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            Texts.globalError("admin.audit.filter.bad_date");
            return null;
        }
    }
}
