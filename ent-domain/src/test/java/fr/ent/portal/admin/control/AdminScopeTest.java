package fr.ent.portal.admin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.admin.control.AdminScope.Division;

class AdminScopeTest {

    private final AdminScope region = AdminScope.region(1, "r.admin1");
    private final AdminScope schoolAdmin = new AdminScope(2, "a.moreau1", false, Set.of(10L), Set.of());
    private final AdminScope principal = new AdminScope(3, "p.petit1", false, Set.of(), Set.of(new Division(10, "2nde B")));
    private final AdminScope nobody = AdminScope.none(4, "t.teacher1");

    @Test
    void theRegionCoversEverything() {
        assertTrue(region.coversEstablishment(99));
        assertTrue(region.coversDivision(99, "3e A"));
        assertFalse(region.isEmpty());
    }

    @Test
    void aSchoolAdminCoversTheirEstablishmentOnly() {
        assertTrue(schoolAdmin.coversEstablishment(10));
        assertTrue(schoolAdmin.coversDivision(10, "1re C"));
        assertFalse(schoolAdmin.coversEstablishment(11));
        assertFalse(schoolAdmin.coversDivision(11, "2nde B"));
        assertTrue(schoolAdmin.isSchoolAdmin());
    }

    @Test
    void aPrincipalTeacherCoversTheirClassOnly() {
        assertTrue(principal.coversDivision(10, "2nde B"));
        assertFalse(principal.coversDivision(10, "2nde A"));
        assertFalse(principal.coversDivision(11, "2nde B"));
        assertFalse(principal.coversDivision(10, null));
        assertFalse(principal.coversEstablishment(10));
        assertTrue(principal.touchesEstablishment(10));
        assertFalse(principal.touchesEstablishment(11));
        assertTrue(principal.isPrincipalTeacherOnly());
    }

    @Test
    void aTeacherWithoutClassHasNoAdministration() {
        assertTrue(nobody.isEmpty());
        assertFalse(nobody.coversDivision(10, "2nde B"));
        assertFalse(nobody.touchesEstablishment(10));
    }
}
