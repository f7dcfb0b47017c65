package fr.ent.portal.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.control.AccountReach.Action;
import fr.ent.portal.admin.control.AccountReach.Place;

/** The one rule for who may act on whom (issue 20, item 1): the takeover matrix without a server. */
class AccountReachTest {

    static final long LYCEE = 10;
    static final long COLLEGE = 20;
    static final AdminScope REGION = AdminScope.region(1, "r.admin1");
    static final AdminScope LYCEE_ADMIN = new AdminScope(2, "a.moreau1", false, Set.of(LYCEE), Set.of());
    static final AdminScope COLLEGE_ADMIN = new AdminScope(5, "b.garnier1", false, Set.of(COLLEGE), Set.of());
    static final AdminScope PRINCIPAL = new AdminScope(3, "p.petit1", false, Set.of(),
            Set.of(new AdminScope.Division(LYCEE, "2nde B")));
    static final AdminScope NOBODY = AdminScope.none(4, "c.durand1");

    record Target(Profile profile, List<Place> places) {
    }

    static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("pupil of 2nde B", new Target(Profile.PUPIL, List.of(new Place(LYCEE, "2nde B"))));
        TARGETS.put("pupil of 2nde A", new Target(Profile.PUPIL, List.of(new Place(LYCEE, "2nde A"))));
        TARGETS.put("representative, one establishment", new Target(Profile.LEGAL_REPRESENTATIVE,
                List.of(new Place(LYCEE, "2nde B"))));
        TARGETS.put("representative, two establishments", new Target(Profile.LEGAL_REPRESENTATIVE,
                List.of(new Place(LYCEE, "2nde B"), new Place(COLLEGE, "4e M"))));
        TARGETS.put("teacher of the lycée", new Target(Profile.TEACHER, List.of(new Place(LYCEE, null))));
        TARGETS.put("teacher of both", new Target(Profile.TEACHER,
                List.of(new Place(LYCEE, null), new Place(COLLEGE, null))));
        TARGETS.put("admin of the collège", new Target(Profile.SCHOOL_ADMIN, List.of(new Place(COLLEGE, null))));
        TARGETS.put("staff without assignment", new Target(Profile.TEACHER, List.of()));
        TARGETS.put("region admin", new Target(Profile.REGION_ADMIN, List.of()));
    }

    /** Actor → target → the actions allowed; every other cell is refused. */
    static final Map<AdminScope, Map<String, Set<Action>>> ALLOWED = Map.of(
            PRINCIPAL, Map.of(
                    "pupil of 2nde B", EnumSet.of(Action.VIEW, Action.SEE_SIGN_INS, Action.REISSUE_CODE),
                    "representative, one establishment", EnumSet.of(Action.VIEW),
                    "representative, two establishments", EnumSet.of(Action.VIEW)),
            LYCEE_ADMIN, Map.of(
                    "pupil of 2nde B", EnumSet.allOf(Action.class),
                    "pupil of 2nde A", EnumSet.allOf(Action.class),
                    "representative, one establishment", EnumSet.allOf(Action.class),
                    "representative, two establishments", EnumSet.allOf(Action.class),
                    "teacher of the lycée", EnumSet.allOf(Action.class),
                    "teacher of both", EnumSet.of(Action.VIEW)),
            COLLEGE_ADMIN, Map.of(
                    "representative, two establishments", EnumSet.allOf(Action.class),
                    "teacher of both", EnumSet.of(Action.VIEW),
                    // issue 24: a school admin's second factors are reset by the region only, never by a school admin
                    "admin of the collège", EnumSet.complementOf(EnumSet.of(Action.RESET_FACTORS))),
            NOBODY, Map.of());

    @Test
    void everyActorTimesEveryTargetTimesEveryAction() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<AdminScope, Map<String, Set<Action>>> actor : ALLOWED.entrySet()) {
            for (Map.Entry<String, Target> target : TARGETS.entrySet()) {
                for (Action action : Action.values()) {
                    boolean expected = actor.getValue().getOrDefault(target.getKey(), Set.of()).contains(action);
                    boolean actual = AccountReach.allows(actor.getKey(), target.getValue().profile(),
                            target.getValue().places(), action);
                    cells++;
                    if (expected != actual) {
                        wrong.add(actor.getKey().identifier() + " " + action + " " + target.getKey() + ": " + actual);
                    }
                }
            }
        }
        assertEquals(4 * 9 * Action.values().length, cells);
        assertEquals(List.of(), wrong);
    }

    @Test
    void theRegionActsOnEveryone() {
        for (Target target : TARGETS.values()) {
            for (Action action : Action.values()) {
                assertTrue(AccountReach.allows(REGION, target.profile(), target.places(), action), target + " " + action);
            }
        }
    }

    @Test
    void aClassPrintOfRepresentativesIsTheSchoolOfficesOnly() {
        assertFalse(AccountReach.mayPrintRepresentatives(PRINCIPAL, LYCEE), "the reported takeover");
        assertTrue(AccountReach.mayPrintRepresentatives(LYCEE_ADMIN, LYCEE));
        assertFalse(AccountReach.mayPrintRepresentatives(COLLEGE_ADMIN, LYCEE));
        assertTrue(AccountReach.mayPrintRepresentatives(REGION, LYCEE));
    }

    @Test
    void aPrincipalTeacherOfAnotherClassOrASchoolAdminThereToo() {
        AdminScope both = new AdminScope(6, "x.both1", false, Set.of(COLLEGE),
                Set.of(new AdminScope.Division(LYCEE, "2nde B")));
        Target family = TARGETS.get("representative, two establishments");
        assertTrue(AccountReach.allows(both, family.profile(), family.places(), Action.REISSUE_CODE),
                "as the collège's office");
        Target lyceeFamily = TARGETS.get("representative, one establishment");
        assertFalse(AccountReach.allows(both, lyceeFamily.profile(), lyceeFamily.places(), Action.REISSUE_CODE),
                "not as the lycée's principal teacher");
    }

    @Test
    void theOtherEstablishmentsToTell() {
        List<Place> places = List.of(new Place(LYCEE, "2nde B"), new Place(COLLEGE, "4e M"), new Place(COLLEGE, "5e A"));
        assertEquals(List.of(COLLEGE), AccountReach.otherEstablishments(places, LYCEE));
        assertEquals(List.of(), AccountReach.otherEstablishments(List.of(new Place(LYCEE, null)), LYCEE));
    }
}
