package fr.ent.portal.registry.control;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A person as a row of the registry export describes them (a pupil or a legal representative).
 *
 * @param registryId       the registry's id of the person, as written in the file
 * @param birthDate        a pupil's; null for a representative
 * @param email            a representative's email from the registry, or null
 * @param legacyIdentifier the previous ENT's login (lower case), or null
 * @param legacyHash       the previous ENT's password hash ({@code LegacyPasswords} formats), or null
 */
public record PersonEntry(String registryId, String lastName, String firstName, LocalDate birthDate, String email,
                          String legacyIdentifier, String legacyHash) implements Serializable {

    /** Same person data (the line aside): a representative listed on several rows must be written the same way. */
    public boolean sameAs(PersonEntry other) {
        return java.util.Objects.equals(lastName, other.lastName) && java.util.Objects.equals(firstName, other.firstName)
                && java.util.Objects.equals(email, other.email)
                && java.util.Objects.equals(legacyIdentifier, other.legacyIdentifier)
                && java.util.Objects.equals(legacyHash, other.legacyHash);
    }

    /** For logs: never the legacy hash. */
    @Override
    public String toString() {
        return "PersonEntry[" + registryId + " " + firstName + " " + lastName + "]";
    }
}
