package fr.ent.portal.account.control;

import java.util.Collection;

import fr.ent.portal.account.entity.Profile;
import fr.ent.portal.admin.control.AdminScope;

/**
 * What a staff member may do to an account they see, from the account's places this school year (its enrollments, its
 * children's, or its assignments): the region and the school admin of one of those establishments manage it (email,
 * unlock, disable, enable, new code); a principal teacher only sees their pupils and those pupils' representatives, and
 * re-issues the codes of their pupils, nothing else.
 */
public final class AccountRights {

    /** Where an account is this school year: an establishment and, for a pupil's enrollment, the class. */
    public record Place(long establishmentId, String division) {
    }

    private AccountRights() {
    }

    public static boolean mayView(AdminScope scope, Collection<Place> places) {
        return scope.region() || places.stream().anyMatch(p -> scope.coversDivision(p.establishmentId(), p.division()));
    }

    public static boolean mayManage(AdminScope scope, Collection<Place> places) {
        return scope.region() || places.stream().anyMatch(p -> scope.coversEstablishment(p.establishmentId()));
    }

    public static boolean mayReissueCode(AdminScope scope, Profile profile, Collection<Place> places) {
        return mayManage(scope, places) || profile == Profile.PUPIL && mayView(scope, places);
    }
}
