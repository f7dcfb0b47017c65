package fr.ent.portal.admin.control;

import java.io.Serializable;
import java.util.Set;

/**
 * What a staff member may see and act on in the administration: the whole region, some establishments (school
 * admin), or some divisions (principal teacher). Built from the current school year's assignments by
 * {@code AdminScopes}; every admin boundary checks it on the server, whatever the page offered.
 */
public record AdminScope(long staffId, String identifier, boolean region, Set<Long> establishments,
                         Set<Division> divisions) implements Serializable {

    /** A class of an establishment, for a principal teacher. */
    public record Division(long establishmentId, String name) implements Serializable {
    }

    public AdminScope {
        establishments = Set.copyOf(establishments);
        divisions = Set.copyOf(divisions);
    }

    /** The region admin: everything. */
    public static AdminScope region(long staffId, String identifier) {
        return new AdminScope(staffId, identifier, true, Set.of(), Set.of());
    }

    /** Someone with no administration at all (a teacher who is no principal teacher, a family). */
    public static AdminScope none(long staffId, String identifier) {
        return new AdminScope(staffId, identifier, false, Set.of(), Set.of());
    }

    /** True when this person has no administration page at all. */
    public boolean isEmpty() {
        return !region && establishments.isEmpty() && divisions.isEmpty();
    }

    /** A school admin of at least one establishment (not the region). */
    public boolean isSchoolAdmin() {
        return !region && !establishments.isEmpty();
    }

    /** Only principal teacher somewhere: sees their classes' pupils and families, nothing else. */
    public boolean isPrincipalTeacherOnly() {
        return !region && establishments.isEmpty() && !divisions.isEmpty();
    }

    /** May act on the whole establishment (its accounts, letters, imports, figures). */
    public boolean coversEstablishment(long establishmentId) {
        return region || establishments.contains(establishmentId);
    }

    /** May act on a class: the establishment's admin, the region, or the class's principal teacher. */
    public boolean coversDivision(long establishmentId, String division) {
        return coversEstablishment(establishmentId)
                || division != null && divisions.contains(new Division(establishmentId, division));
    }

    /** May see something of the establishment at all (at least one class of it). */
    public boolean touchesEstablishment(long establishmentId) {
        return coversEstablishment(establishmentId)
                || divisions.stream().anyMatch(d -> d.establishmentId() == establishmentId);
    }
}
