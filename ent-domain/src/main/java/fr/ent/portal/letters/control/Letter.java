package fr.ent.portal.letters.control;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one activation letter says: whose account, in which establishment, and its provisional code in clear. Lives in
 * memory only while the PDF is rendered: never logged (no {@code toString} with the code), never stored.
 *
 * @param childrenFirstNames for a legal representative, the first names of the children (empty for others)
 */
public record Letter(String establishmentName, String firstName, String lastName, String identifier, String code,
                     Instant expiresAt, boolean representative, List<String> childrenFirstNames) {

    public Letter {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
        establishmentName = establishmentName == null ? "" : establishmentName;
        childrenFirstNames = List.copyOf(childrenFirstNames);
    }

    /** Without the code, so that a stray log line never prints it. */
    @Override
    public String toString() {
        return "Letter[" + identifier + "]";
    }
}
