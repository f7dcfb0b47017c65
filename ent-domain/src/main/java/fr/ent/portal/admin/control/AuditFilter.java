package fr.ent.portal.admin.control;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

import fr.ent.portal.audit.entity.AuditEventType;

/**
 * What the audit log viewer asks for: an event type, an identifier (the account concerned or the acting staff
 * member), and days from/to (inclusive, in the schools' time zone). Every part is optional.
 */
public record AuditFilter(AuditEventType type, String identifier, LocalDate from, LocalDate to) implements Serializable {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    public AuditFilter {
        identifier = identifier == null || identifier.isBlank() ? null
                : identifier.strip().toLowerCase(Locale.ROOT);
        if (identifier != null && identifier.length() > 64) {
            identifier = identifier.substring(0, 64);
        }
    }

    /** A short description for the audit detail of an export (no free text beyond the identifier). */
    public String summary() {
        StringBuilder s = new StringBuilder();
        if (type != null) {
            s.append("type=").append(type).append(' ');
        }
        if (from != null) {
            s.append("from=").append(from).append(' ');
        }
        if (to != null) {
            s.append("to=").append(to).append(' ');
        }
        return s.toString().strip();
    }
}
