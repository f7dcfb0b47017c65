package fr.ent.portal.registry.control;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database holds that an import compares the file with (read by {@link RegistryStates}): the accounts of
 * the file's people (by external id), their enrollments in this establishment this school year, their links, the
 * registry pupils still enrolled here, and who already uses the file's old logins.
 *
 * @param accounts         known accounts by external id
 * @param enrollments      this establishment's enrollments of this school year, by pupil account id
 * @param links            existing responsibilities, as {@code representativeId:pupilId}
 * @param enrolledHere     pupils with an external id whose enrollment here is active today
 * @param legacyIdentifiers old logins (or identifiers) already used, with the account that uses them
 * @param enrolledElsewhere the file's known pupils enrolled today in another establishment this school year, by pupil
 *                          account id: that establishment's name and UAI (issue 20: a transfer needs the region)
 * @param familiesElsewhere the file's known representatives whose children are all enrolled today in other
 *                          establishments (at least one), by representative account id: one of those establishments
 *                          as "name (UAI)". A school's import may neither link them to its pupils nor rewrite them
 *                          (that would bring another school's family into its reach): only the region's.
 */
public record RegistryState(Map<String, KnownAccount> accounts, Map<Long, KnownEnrollment> enrollments,
                            Set<String> links, List<EnrolledPupil> enrolledHere, Map<String, Long> legacyIdentifiers,
                            Map<Long, String> enrolledElsewhere, Map<Long, String> familiesElsewhere) {

    public RegistryState {
        enrolledElsewhere = enrolledElsewhere == null ? Map.of() : Map.copyOf(enrolledElsewhere);
        familiesElsewhere = familiesElsewhere == null ? Map.of() : Map.copyOf(familiesElsewhere);
    }

    /** Without families of other establishments. */
    public RegistryState(Map<String, KnownAccount> accounts, Map<Long, KnownEnrollment> enrollments, Set<String> links,
                         List<EnrolledPupil> enrolledHere, Map<String, Long> legacyIdentifiers,
                         Map<Long, String> enrolledElsewhere) {
        this(accounts, enrollments, links, enrolledHere, legacyIdentifiers, enrolledElsewhere, Map.of());
    }

    /** Without pupils enrolled elsewhere. */
    public RegistryState(Map<String, KnownAccount> accounts, Map<Long, KnownEnrollment> enrollments, Set<String> links,
                         List<EnrolledPupil> enrolledHere, Map<String, Long> legacyIdentifiers) {
        this(accounts, enrollments, links, enrolledHere, legacyIdentifiers, Map.of(), Map.of());
    }

    public record KnownAccount(long id, String identifier, String externalId, String firstName, String lastName,
                               LocalDate birthDate, String recoveryEmail) {
    }

    public record KnownEnrollment(long id, long pupilId, String division, LocalDate endDate) {
    }

    public record EnrolledPupil(long enrollmentId, long pupilId, String identifier, String externalId, String firstName,
                                String lastName, String division) {
    }

    public static RegistryState empty() {
        return new RegistryState(Map.of(), Map.of(), Set.of(), List.of(), Map.of());
    }

    public static String link(long representativeId, long pupilId) {
        return representativeId + ":" + pupilId;
    }
}
