package fr.ent.portal.view.admin.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.ent.portal.registry.control.Action;
import fr.ent.portal.registry.control.Change;
import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.PersonEntry;
import fr.ent.portal.registry.control.RowError;

class ImportReportTest {

    @Test
    void oneLinePerPersonAndErrorInLineOrderWithFormulasNeutralised() {
        ImportPlan plan = new ImportPlan(
                List.of(new ImportPlan.PupilPlan(3, "creteil:eleve:2", new PersonEntry("2", "Roux", "Léo", LocalDate.of(2010, 1, 1),
                        null, null, null), "2nde A", Action.UPDATE, List.of(Change.DIVISION), 5L, 6L)),
                List.of(new ImportPlan.RepresentativePlan(3, "creteil:responsable:R1", new PersonEntry("R1", "Roux", "Paul; dit \"Paulo\"",
                        null, null, null, null), Action.CREATE, List.of(), null)),
                List.of(), List.of(new ImportPlan.EnrollmentEnd(9, 8, "a.absent1", "Ana", "Absent", "2nde B")),
                List.of(RowError.of(2, "Nom", "formula", "=")), Set.of());
        String csv = new String(ImportReport.csv(plan, null, (key, params) -> key + (params.length > 0 ? params[0] : "")), UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFFadmin.import.report.header", lines.get(0));
        assertEquals("2;;;;;;admin.import.action.ERROR;Nom : formula=;", lines.get(1));
        assertTrue(lines.get(2).startsWith("3;admin.import.report.pupil;2;Roux;Léo;2nde A;admin.import.action.UPDATE;admin.import.change.DIVISION;"), lines.get(2));
        assertTrue(lines.get(3).contains("\"Paul; dit \"\"Paulo\"\"\""), lines.get(3));
        assertTrue(lines.get(4).contains("a.absent1"), lines.get(4));
        assertEquals(5, lines.size());
        assertEquals("'=1+1", ImportReport.cell("=1+1"));
        assertEquals("'@SUM(A1)", ImportReport.cell("@SUM(A1)"));
        assertEquals("k.dupuis1", ImportReport.cell("k.dupuis1"));
        assertTrue(new String(ImportReport.csv(plan, new fr.ent.portal.registry.boundary.ImportOutcome(false, 1, 1, 0, 1,
                Map.of("creteil:responsable:R1", "p.roux1")), (k, p) -> k), UTF_8).contains("p.roux1"));
    }

    /** Issue 25: the staff part (STSWeb or AAF) in the report: members with their roles, roles removed, leavers. */
    @Test
    void staffMembersRolesRemovedAndLeaversHaveTheirLines() {
        String paul = "creteil:personnel:0771763Y-12";
        fr.ent.portal.registry.control.StaffPlan staff = new fr.ent.portal.registry.control.StaffPlan(
                List.of(new fr.ent.portal.registry.control.StaffPlan.Member(4, paul, "Garnier", "=Paul", Action.CREATE,
                        List.of(), null)),
                List.of(new fr.ent.portal.registry.control.StaffPlan.Role(paul, null, false),
                        new fr.ent.portal.registry.control.StaffPlan.Role(paul, "2nde C", false),
                        new fr.ent.portal.registry.control.StaffPlan.Role(paul, "2nde C", true)),
                List.of(new fr.ent.portal.registry.control.StaffPlan.Removal(7, "n.bensaid1", "1re A", true)),
                List.of(new fr.ent.portal.registry.control.StaffPlan.Leaver(9, "m.leroy1", "Marc", "Leroy")), List.of());
        ImportPlan plan = new ImportPlan(List.of(), List.of(), List.of(), List.of(), List.of(), Set.of())
                .withStaff(staff);
        List<String> lines = new String(ImportReport.csv(plan, new fr.ent.portal.registry.boundary.ImportOutcome(false,
                1, 0, 0, 0, Map.of(paul, "p.garnier1")), (key, params) -> key), UTF_8).lines().toList();
        assertEquals(List.of("\uFEFFadmin.import.report.header",
                "4;admin.import.report.staff;0771763Y-12;Garnier;'=Paul;2nde C;admin.import.action.CREATE;"
                        + "admin.import.report.roles_added : admin.import.staff.role.staff, admin.import.staff.role.teacher"
                        + " 2nde C, admin.import.staff.role.principal 2nde C;p.garnier1",
                ";admin.import.report.staff;;;;1re A;admin.import.action.ROLE_REMOVED;admin.import.staff.role.principal 1re A;"
                        + "n.bensaid1",
                ";admin.import.report.staff;;Leroy;Marc;;admin.import.action.LEAVER;;m.leroy1"), lines);
    }

    /**
     * Issue 10: every value of the hostile corpus, alone or after text, written as a report cell, is read back by a CSV
     * parser as one cell that a spreadsheet shows as text (no leading = + - @, tab or carriage return).
     */
    @Test
    void everyHostileCellIsWrittenAsText() throws java.io.IOException {
        java.util.Properties corpus = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("..", "ent-domain", "src",
                "test", "resources", "hostile", "corpus.properties"), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            corpus.load(in);
        }
        org.apache.commons.csv.CSVFormat format = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').build();
        for (String key : corpus.stringPropertyNames()) {
            for (String value : List.of(corpus.getProperty(key), " " + corpus.getProperty(key), "x;" + corpus.getProperty(key))) {
                try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(
                        ImportReport.cell(value) + "\r\n", format)) {
                    List<org.apache.commons.csv.CSVRecord> records = parser.getRecords();
                    assertEquals(1, records.size(), key);
                    assertEquals(1, records.get(0).size(), key + ": one cell");
                    String read = records.get(0).get(0);
                    assertTrue(read.isEmpty() || "=+-@\t\r".indexOf(read.charAt(0)) < 0, key + ": " + read);
                }
            }
        }
    }
}
