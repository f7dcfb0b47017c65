package fr.ent.portal.registry.control;

import java.io.Serializable;
import java.util.List;

/**
 * The staff part of an import (a school's STSWeb export): staff members to create, update or leave, the roles to add
 * (teacher of a class, principal teacher of a division), the registry roles the export no longer lists (removed) and
 * the leavers (registry staff here whom the export no longer lists at all: their roles here are removed, their account
 * stays). Computed by {@link StaffPlanner}; nothing here touches the database.
 */
public record StaffPlan(List<Member> members, List<Role> toAdd, List<Removal> toRemove, List<Leaver> leavers,
                        List<RowError> errors) implements Serializable {

    /** A staff member of the export. */
    public record Member(int line, String externalId, String lastName, String firstName, Action action,
                         List<Change> changes, Long accountId) implements Serializable {
    }

    /** A role to give: teacher of {@code division} (principal: principal teacher of it); null division: staff here. */
    public record Role(String externalId, String division, boolean principal) implements Serializable {
    }

    /** A registry role held today that the export no longer lists. */
    public record Removal(long assignmentId, String identifier, String division, boolean principal)
            implements Serializable {
    }

    /** A registry staff member of this establishment the export no longer lists. */
    public record Leaver(long accountId, String identifier, String firstName, String lastName) implements Serializable {
    }

    public StaffPlan {
        members = List.copyOf(members);
        toAdd = List.copyOf(toAdd);
        toRemove = List.copyOf(toRemove);
        leavers = List.copyOf(leavers);
        errors = List.copyOf(errors);
    }

    public int count(Action action) {
        return (int) members.stream().filter(m -> m.action() == action).count();
    }

    public long principals() {
        return toAdd.stream().filter(Role::principal).count();
    }

    /** Nothing to write. */
    public boolean unchanged() {
        return count(Action.CREATE) == 0 && count(Action.UPDATE) == 0 && toAdd.isEmpty() && toRemove.isEmpty();
    }
}
