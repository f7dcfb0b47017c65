package fr.ent.portal.platform;

import java.util.Locale;

import jakarta.persistence.PersistenceException;

/** Tells whether a persistence failure is the violation of a given unique constraint of the schema. */
public final class UniqueConstraints {

    private UniqueConstraints() {
    }

    /**
     * True when {@code failure} (or one of its causes) names the constraint {@code name}
     * (H2 reports names in upper case, PostgreSQL in lower case).
     */
    public static boolean violated(PersistenceException failure, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
