package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.registry.control.RegistryState.EnrolledPupil;
import fr.ent.portal.registry.control.RegistryState.KnownAccount;
import fr.ent.portal.registry.control.RegistryState.KnownEnrollment;

/** The preview as a pure function of the file and the database's state. */
class ImportPlannerTest {

    private final RegistryParser parser = new RegistryParser(EstablishmentKind.LYCEE, RegistryParserTest.TODAY, 100);
    private final ImportPlanner planner = new ImportPlanner("Créteil");

    private RegistryFile file(String rows) {
        return RegistryParserTest.parse(parser, RegistryParserTest.HEADER + rows);
    }

    @Test
    void everythingIsNewOnAnEmptyDatabase() {
        ImportPlan plan = planner.plan(file("1;Roux;Zoé;01/02/2010;2nde A;R1;Roux;Paul;\n"
                + "2;Roux;Léo;01/02/2011;2nde D;R1;Roux;Paul;\n"), RegistryState.empty());
        assertEquals(3, plan.toCreate());
        assertEquals(2, plan.pupilsToCreate());
        assertEquals(1, plan.representativesToCreate());
        assertEquals(2, plan.links().size());
        assertEquals(Set.of("2nde A", "2nde D"), plan.newDivisions());
        assertTrue(plan.confirmable());
        assertEquals(Set.of("creteil:eleve:1", "creteil:eleve:2", "creteil:responsable:R1"),
                planner.externalIds(file("1;Roux;Zoé;01/02/2010;2nde A;R1;Roux;Paul;\n2;Roux;Léo;01/02/2011;2nde D;R1;Roux;Paul;\n")));
    }

    @Test
    void theSameFileAgainChangesNothingAndDifferencesAreNamed() {
        RegistryFile file = file("1;Roux;Zoé;01/02/2010;2nde A;R1;Roux;Paul;p@example.org\n");
        RegistryState same = new RegistryState(
                Map.of("creteil:eleve:1", new KnownAccount(10, "z.roux1", "creteil:eleve:1", "Zoé", "Roux", LocalDate.of(2010, 2, 1), null),
                        "creteil:responsable:R1", new KnownAccount(11, "p.roux1", "creteil:responsable:R1", "Paul", "Roux", null, "p@example.org")),
                Map.of(10L, new KnownEnrollment(100, 10, "2nde A", null)), Set.of(RegistryState.link(11, 10)),
                List.of(new EnrolledPupil(100, 10, "z.roux1", "creteil:eleve:1", "Zoé", "Roux", "2nde A")), Map.of());
        ImportPlan unchanged = planner.plan(file, same);
        assertEquals(List.of(0, 0, 2, 0, 0), List.of(unchanged.toCreate(), unchanged.toUpdate(), unchanged.unchanged(),
                unchanged.links().size(), unchanged.ends().size()));
        assertEquals(Set.of(), unchanged.newDivisions());

        RegistryState moved = new RegistryState(
                Map.of("creteil:eleve:1", new KnownAccount(10, "z.roux1", "creteil:eleve:1", "Zoe", "Roux", LocalDate.of(2010, 2, 2), null),
                        "creteil:responsable:R1", new KnownAccount(11, "p.roux1", "creteil:responsable:R1", "Paul", "Rou", null, null)),
                Map.of(10L, new KnownEnrollment(100, 10, "2nde B", LocalDate.of(2026, 10, 1))), Set.of(),
                List.of(new EnrolledPupil(200, 12, "a.absent1", "creteil:eleve:99", "Ana", "Absent", "2nde B")), Map.of());
        ImportPlan plan = planner.plan(file, moved);
        assertEquals(List.of(Change.FIRST_NAME, Change.BIRTH_DATE, Change.RE_ENROLLED, Change.DIVISION),
                plan.pupils().get(0).changes());
        assertEquals(List.of(Change.LAST_NAME, Change.EMAIL), plan.representatives().get(0).changes());
        assertEquals(1, plan.links().size());
        assertEquals(List.of(200L), plan.ends().stream().map(ImportPlan.EnrollmentEnd::enrollmentId).toList());
        assertNotEquals(unchanged.digest(), plan.digest());
        assertEquals(plan.digest(), planner.plan(file, moved).digest(), "the same inputs give the same fingerprint");
    }

    @Test
    void aPupilOnAWrongRowIsNotEndedAndBlocksTheImport() {
        RegistryFile file = file("1;Roux;Zoé;31/02/2010;2nde A;;;;\n");
        RegistryState state = new RegistryState(Map.of(), Map.of(), Set.of(),
                List.of(new EnrolledPupil(100, 10, "z.roux1", "creteil:eleve:1", "Zoé", "Roux", "2nde A")), Map.of());
        ImportPlan plan = planner.plan(file, state);
        assertEquals(0, plan.ends().size());
        assertFalse(plan.confirmable());
    }

    @Test
    void anOldLoginAlreadyUsedIsAnError() {
        RegistryFile file = RegistryParserTest.parse(parser, "Identifiant élève;Nom;Prénom;Date de naissance;Division;"
                + "Ancien identifiant élève;Ancienne empreinte élève\n1;Roux;Zoé;01/02/2010;2nde A;l.martin1;sha256:00112233:"
                + "ab".repeat(32) + "\n");
        ImportPlan plan = planner.plan(file, new RegistryState(Map.of(), Map.of(), Set.of(), List.of(), Map.of("l.martin1", 1L)));
        assertEquals("admin.import.row.legacy_identifier_taken", plan.errors().get(0).key());
        assertFalse(plan.confirmable());
    }

    /**
     * Issue 20, item 1: a pupil enrolled in another establishment this school year is a transfer: listed apart; a
     * school admin's import skips the row (names, birth date and enrollment untouched, nor its representatives); the
     * region's import applies it, still listed apart.
     */
    @Test
    void aPupilOfAnotherEstablishmentIsATransferThatOnlyTheRegionApplies() {
        RegistryFile file = file("1;Roux;Zoé;01/02/2010;2nde A;R1;Roux;Paul;\n"
                + "2;Petit;Léo;01/02/2011;2nde A;;;;\n"
                + "3;Bernard;Inès;03/03/2010;2nde A;;;;\n");
        RegistryState state = new RegistryState(
                Map.of("creteil:eleve:1", new KnownAccount(10, "z.roux1", "creteil:eleve:1", "Zoe", "Rousseau",
                                LocalDate.of(2009, 9, 9), null),
                        "creteil:eleve:2", new KnownAccount(20, "l.petit1", "creteil:eleve:2", "Léo", "Petit",
                                LocalDate.of(2011, 2, 1), null),
                        "creteil:eleve:3", new KnownAccount(30, "i.bernard1", "creteil:eleve:3", "Inès", "Bernard",
                                LocalDate.of(2010, 3, 3), null)),
                Map.of(30L, new KnownEnrollment(300, 30, "2nde A", null)), Set.of(), List.of(), Map.of(),
                Map.of(10L, "Collège Voltaire (0940001A)", 30L, "Collège Voltaire (0940001A)"));

        ImportPlan school = new ImportPlanner("Créteil", false).plan(file, state);
        assertEquals(1, school.transfers().size(), "listed apart");
        ImportPlan.TransferPlan transfer = school.transfers().get(0);
        assertEquals(List.of(2, "creteil:eleve:1", 10L, "Collège Voltaire (0940001A)", false),
                List.of(transfer.line(), transfer.externalId(), transfer.accountId(), transfer.elsewhere(), transfer.applied()));
        assertEquals(List.of(Change.LAST_NAME, Change.FIRST_NAME, Change.BIRTH_DATE, Change.ENROLLED), transfer.changes());
        assertEquals(List.of("creteil:eleve:2", "creteil:eleve:3"), school.pupils().stream().map(ImportPlan.PupilPlan::externalId).toList(),
                "the school's import writes nothing on the pupil of another establishment");
        assertEquals(List.of(), school.representatives(), "nor on the representatives of the skipped row");
        assertEquals(List.of(), school.links());
        assertEquals(1, school.transfersSkipped());
        assertTrue(school.confirmable(), "the rest of the file may still be imported");
        assertEquals(Action.UNCHANGED, school.pupils().get(1).action(),
                "a pupil enrolled here and elsewhere, without change here, is no transfer");

        ImportPlan region = new ImportPlanner("Créteil", true).plan(file, state);
        assertEquals(1, region.transfers().size(), "the region's preview lists it apart too");
        assertTrue(region.transfers().get(0).applied());
        assertEquals(0, region.transfersSkipped());
        ImportPlan.PupilPlan moved = region.pupils().get(0);
        assertEquals(List.of("creteil:eleve:1", Action.UPDATE), List.of(moved.externalId(), moved.action()),
                "the region's import applies it");
        assertEquals(1, region.representatives().size());
        assertNotEquals(school.digest(), region.digest());
    }

    /**
     * Issue 20: a school's file that names a representative whose children are all in another establishment (a
     * registry id typed or forged) must not link that parent to a pupil here: the link would give this school their
     * codes and their email. Listed apart; the pupil still imports; only the region links (and renames) them.
     */
    @Test
    void aFamilyOfAnotherEstablishmentIsLinkedOnlyByTheRegion() {
        RegistryFile file = file("1;Roux;Zoé;01/02/2010;2nde A;R1;Rou;Paula;paula@example.org\n"
                + "2;Roux;Léo;01/02/2011;2nde A;R1;Rou;Paula;paula@example.org\n");
        RegistryState state = new RegistryState(
                Map.of("creteil:responsable:R1", new KnownAccount(11, "p.roux1", "creteil:responsable:R1", "Paul", "Roux",
                        null, null)),
                Map.of(), Set.of(), List.of(), Map.of(), Map.of(), Map.of(11L, "Collège Voltaire (0940001A)"));

        ImportPlan school = new ImportPlanner("Créteil", false).plan(file, state);
        assertEquals(2, school.pupilsToCreate(), "the pupils import");
        assertEquals(List.of(), school.representatives(), "the other school's parent is neither updated");
        assertEquals(List.of(), school.links(), "nor linked");
        assertEquals(1, school.transfers().size(), "listed apart once");
        ImportPlan.TransferPlan family = school.transfers().get(0);
        assertEquals(List.of("creteil:responsable:R1", 11L, "Collège Voltaire (0940001A)", false),
                List.of(family.externalId(), family.accountId(), family.elsewhere(), family.applied()));
        assertEquals(List.of(Change.LINKED, Change.LAST_NAME, Change.FIRST_NAME, Change.EMAIL), family.changes());
        assertTrue(school.confirmable());

        ImportPlan region = new ImportPlanner("Créteil", true).plan(file, state);
        assertEquals(2, region.links().size(), "the region links them");
        assertEquals(Action.UPDATE, region.representatives().get(0).action());
        assertTrue(region.transfers().get(0).applied());

        RegistryState hisChildHere = new RegistryState(state.accounts(), Map.of(), Set.of(), List.of(), Map.of(),
                Map.of(), Map.of());
        assertEquals(2, new ImportPlanner("Créteil", false).plan(file, hisChildHere).links().size(),
                "a parent with a child here (not listed among the families elsewhere) is linked as before");
    }
}
