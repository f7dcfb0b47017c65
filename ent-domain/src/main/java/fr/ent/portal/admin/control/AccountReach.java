package fr.ent.portal.admin.control;

import java.util.Collection;
import java.util.List;

import fr.ent.portal.platform.Profile;

/**
 * The one rule for who may act on whom in the administration (issue 20): every path that shows, changes or reveals
 * another person's account (detail page, one-account letter, class print, disable, enable, unlock, recovery email,
 * help-request resolution) asks it, through {@code AdminScopes}. It reads the staff member's {@link AdminScope} and
 * the target's profile and places this school year, nothing else, so it is tested without a server.
 * <ul>
 *     <li>the region: everything;</li>
 *     <li>a principal teacher: sees the pupils of their classes and those pupils' legal representatives (lists, the
 *     detail page without sign-in addresses), and re-issues the codes of their classes' <b>pupils</b> only (one
 *     letter, or the class print of the pupils): never a representative or a staff member, by any path;</li>
 *     <li>a school admin: acts on the pupils enrolled this school year in their establishments, on the legal
 *     representatives of those pupils, and on staff whose assignments of this school year are <b>all</b> within
 *     their establishments; sees also staff assigned there and elsewhere, who (like the admins of other
 *     establishments) are acted on by the region only.</li>
 * </ul>
 */
public final class AccountReach {

    /** Where an account is this school year: an establishment and, for a pupil's enrollment, the class. */
    public record Place(long establishmentId, String division) {
    }

    /** What a staff member wants to do with an account. */
    public enum Action {
        /** Find it in lists, open its detail page. */
        VIEW,
        /** See its sign-in addresses and browsers (the detail page's events). */
        SEE_SIGN_INS,
        /** Give it a new provisional code (one letter or a class print): its password stops working. */
        REISSUE_CODE,
        /** Recovery email set or cleared, sign-in hold lifted, disable, enable: the school office's actions. */
        MANAGE,
        /**
         * Remove every second factor (a lost phone, issue 24): the school office's reach, but never another school
         * admin's (those are the region's, like every region admin's).
         */
        RESET_FACTORS
    }

    private AccountReach() {
    }

    /** Whether {@code scope} may do {@code action} to an account of {@code profile} found at {@code places}. */
    public static boolean allows(AdminScope scope, Profile profile, Collection<Place> places, Action action) {
        if (scope.region()) {
            return true;
        }
        if (scope.isEmpty() || profile == null) {
            return false;
        }
        return switch (action) {
            case VIEW -> mayView(scope, profile, places);
            case SEE_SIGN_INS, REISSUE_CODE -> officeActs(scope, profile, places)
                    || profile == Profile.PUPIL && inTheirClass(scope, places);
            case MANAGE -> officeActs(scope, profile, places);
            case RESET_FACTORS -> profile != Profile.SCHOOL_ADMIN && officeActs(scope, profile, places);
        };
    }

    /**
     * Whether a class print of {@code division} may include the legal representatives: only the school office of
     * the establishment (and the region). A principal teacher prints the pupils of their class only.
     */
    public static boolean mayPrintRepresentatives(AdminScope scope, long establishmentId) {
        return scope.coversEstablishment(establishmentId);
    }

    /** The establishments of {@code places} other than {@code acting} (where a re-issued code must be told). */
    public static List<Long> otherEstablishments(Collection<Place> places, Long acting) {
        return places.stream().map(Place::establishmentId).filter(id -> acting == null || id != acting.longValue())
                .distinct().sorted().toList();
    }

    private static boolean mayView(AdminScope scope, Profile profile, Collection<Place> places) {
        return switch (profile) {
            case PUPIL, LEGAL_REPRESENTATIVE -> places.stream()
                    .anyMatch(p -> scope.coversDivision(p.establishmentId(), p.division()));
            case TEACHER, SCHOOL_ADMIN -> places.stream().anyMatch(p -> scope.coversEstablishment(p.establishmentId()));
            case REGION_ADMIN -> false;
        };
    }

    /** The school office's reach: pupils and families with a place in its establishments, staff wholly inside them. */
    private static boolean officeActs(AdminScope scope, Profile profile, Collection<Place> places) {
        return switch (profile) {
            case PUPIL, LEGAL_REPRESENTATIVE -> places.stream()
                    .anyMatch(p -> scope.coversEstablishment(p.establishmentId()));
            case TEACHER, SCHOOL_ADMIN -> !places.isEmpty()
                    && places.stream().allMatch(p -> scope.coversEstablishment(p.establishmentId()));
            case REGION_ADMIN -> false;
        };
    }

    private static boolean inTheirClass(AdminScope scope, Collection<Place> places) {
        return places.stream().anyMatch(p -> p.division() != null
                && scope.divisions().contains(new AdminScope.Division(p.establishmentId(), p.division())));
    }
}
