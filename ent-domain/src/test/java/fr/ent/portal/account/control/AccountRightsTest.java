package fr.ent.portal.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.account.control.AccountRights.Place;
import fr.ent.portal.account.entity.Profile;
import fr.ent.portal.admin.control.AdminScope;

class AccountRightsTest {

    static final long LYCEE = 10;
    static final long COLLEGE = 20;
    static final AdminScope REGION = AdminScope.region(1, "r.admin1");
    static final AdminScope LYCEE_ADMIN = new AdminScope(2, "a.moreau1", false, Set.of(LYCEE), Set.of());
    static final AdminScope PRINCIPAL = new AdminScope(3, "p.petit1", false, Set.of(),
            Set.of(new AdminScope.Division(LYCEE, "2nde B")));
    static final List<Place> IN_2NDE_B = List.of(new Place(LYCEE, "2nde B"));
    static final List<Place> IN_2NDE_A = List.of(new Place(LYCEE, "2nde A"));
    static final List<Place> AT_THE_COLLEGE = List.of(new Place(COLLEGE, "3e A"));

    @Test
    void theRegionAndTheSchoolAdminManageTheirAccounts() {
        assertTrue(AccountRights.mayManage(REGION, List.of()), "even an account linked nowhere");
        assertTrue(AccountRights.mayManage(LYCEE_ADMIN, IN_2NDE_A));
        assertTrue(AccountRights.mayManage(LYCEE_ADMIN, List.of(new Place(LYCEE, null))), "staff of the lycée");
        assertFalse(AccountRights.mayManage(LYCEE_ADMIN, AT_THE_COLLEGE));
        assertTrue(AccountRights.mayManage(LYCEE_ADMIN, List.of(AT_THE_COLLEGE.get(0), IN_2NDE_B.get(0))),
                "a family of both establishments");
    }

    @Test
    void aPrincipalTeacherViewsTheirClassAndReissuesTheirPupilsCodesOnly() {
        assertTrue(AccountRights.mayView(PRINCIPAL, IN_2NDE_B));
        assertFalse(AccountRights.mayView(PRINCIPAL, IN_2NDE_A));
        assertFalse(AccountRights.mayManage(PRINCIPAL, IN_2NDE_B), "no email, unlock, disable for a teacher");
        assertTrue(AccountRights.mayReissueCode(PRINCIPAL, Profile.PUPIL, IN_2NDE_B));
        assertFalse(AccountRights.mayReissueCode(PRINCIPAL, Profile.LEGAL_REPRESENTATIVE, IN_2NDE_B),
                "a representative of the class: the school office");
        assertFalse(AccountRights.mayReissueCode(PRINCIPAL, Profile.PUPIL, IN_2NDE_A));
        assertTrue(AccountRights.mayReissueCode(LYCEE_ADMIN, Profile.LEGAL_REPRESENTATIVE, IN_2NDE_B));
    }

    @Test
    void nobodyElse() {
        AdminScope none = AdminScope.none(4, "c.durand1");
        assertFalse(AccountRights.mayView(none, IN_2NDE_B));
        assertFalse(AccountRights.mayManage(none, IN_2NDE_B));
        assertFalse(AccountRights.mayReissueCode(none, Profile.PUPIL, IN_2NDE_B));
    }
}
