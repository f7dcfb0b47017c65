package fr.ent.portal.registry.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.ent.portal.registry.control.RegistryState.KnownAccount;

/**
 * Compares a school's STSWeb export with what the database holds of its registry staff ({@link StaffState}) and says
 * what importing it would do: a pure function, run the same way by the preview and the confirmation. Each staff member
 * of the export is staff here (a role without division), teacher of the classes of their services and principal
 * teacher of the divisions the export names; a registry role the export no longer lists is removed; registry staff
 * whom the export no longer lists at all are leavers. Roles given by hand (no external id, or school admin) are never
 * touched; the import never makes anyone a school admin.
 */
public final class StaffPlanner {

    /** What the database holds: the export's known accounts, and the registry staff's roles here this school year. */
    public record StaffState(Map<String, KnownAccount> accounts, List<HeldRole> roles) {
    }

    /** A TEACHER or PRINCIPAL_TEACHER role held here by a registry staff member. */
    public record HeldRole(long assignmentId, long accountId, String externalId, String identifier, String firstName,
                           String lastName, String division, boolean principal) {
    }

    private final java.util.function.UnaryOperator<String> externalId;

    /** A school's STSWeb export: ids {@code <académie>:personnel:<UAI>-<id>}. */
    public StaffPlanner(String academie, String uai) {
        this(id -> ExternalIds.staff(academie, uai, id));
    }

    /** @param externalId the external id of a staff member from their id in the source */
    private StaffPlanner(java.util.function.UnaryOperator<String> externalId) {
        this.externalId = externalId;
    }

    /** The region's AAF feed: ids {@code <académie>:personnel:aaf-<AAF id>} ({@link ExternalIds#aafStaff}). */
    public static StaffPlanner forAaf(String academie) {
        return new StaffPlanner(id -> ExternalIds.aafStaff(academie, id));
    }

    public String externalId(String sourceId) {
        return externalId.apply(sourceId);
    }

    public Set<String> externalIds(StsReader.StsFile file) {
        Set<String> ids = new HashSet<>();
        file.staff().forEach(s -> ids.add(externalId.apply(s.stsId())));
        return ids;
    }

    public StaffPlan plan(StsReader.StsFile file, StaffState state) {
        List<StaffPlan.Member> members = new ArrayList<>();
        Set<StaffPlan.Role> wanted = new LinkedHashSet<>();
        for (StsReader.Staff staff : file.staff()) {
            String id = externalId.apply(staff.stsId());
            KnownAccount known = state.accounts().get(id);
            if (known == null) {
                members.add(new StaffPlan.Member(staff.line(), id, staff.lastName(), staff.firstName(), Action.CREATE,
                        List.of(), null));
            } else {
                List<Change> changes = new ArrayList<>();
                if (!staff.lastName().equals(known.lastName())) {
                    changes.add(Change.LAST_NAME);
                }
                if (!staff.firstName().equals(known.firstName())) {
                    changes.add(Change.FIRST_NAME);
                }
                members.add(new StaffPlan.Member(staff.line(), id, staff.lastName(), staff.firstName(),
                        changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE, changes, known.id()));
            }
            wanted.add(new StaffPlan.Role(id, null, false));
        }
        file.teachersByDivision().forEach((division, ids) -> ids.forEach(stsId ->
                wanted.add(new StaffPlan.Role(externalId.apply(stsId), division, false))));
        file.principalTeachers().forEach(p -> wanted.add(new StaffPlan.Role(externalId.apply(p.stsId()),
                p.division(), true)));

        Set<StaffPlan.Role> held = new HashSet<>();
        List<StaffPlan.Removal> removals = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        members.forEach(m -> listed.add(m.externalId()));
        Map<Long, StaffPlan.Leaver> leavers = new java.util.LinkedHashMap<>();
        for (HeldRole role : state.roles()) {
            StaffPlan.Role as = new StaffPlan.Role(role.externalId(), role.division(), role.principal());
            if (wanted.contains(as) && held.add(as)) {
                continue;
            }
            removals.add(new StaffPlan.Removal(role.assignmentId(), role.identifier(), role.division(), role.principal()));
            if (!listed.contains(role.externalId())) {
                leavers.putIfAbsent(role.accountId(), new StaffPlan.Leaver(role.accountId(), role.identifier(),
                        role.firstName(), role.lastName()));
            }
        }
        List<StaffPlan.Role> toAdd = wanted.stream().filter(r -> !held.contains(r)).toList();
        return new StaffPlan(members, toAdd, removals, List.copyOf(leavers.values()), file.errors());
    }
}
