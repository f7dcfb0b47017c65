package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.ent.portal.establishment.entity.EstablishmentKind;

/** Issue 25: the STSWeb export gives the staff and the principal teacher of each division; bad records are named. */
class StsReaderTest {

    private final StsReader reader = new StsReader("0771763Y", EstablishmentKind.LYCEE, SafeXml.Limits.of(8 * 1024 * 1024));

    @Test
    void sampleGivesStaffAndPrincipalTeachers() throws IOException {
        StsReader.StsFile file = reader.read(SiecleReaderTest.sample("sts_emp_0771763Y_2026.xml"));
        assertEquals(List.of(), file.errors());
        assertEquals("ISO-8859-15", file.encoding());
        assertEquals(List.of("91001", "91002", "91003"), file.staff().stream().map(StsReader.Staff::stsId).toList());
        assertEquals("Agnès", file.staff().get(2).firstName());
        assertEquals(List.of("2nde B:91001", "Terminale A:91002"), file.principalTeachers().stream()
                .map(p -> p.division() + ":" + p.stsId()).toList());
        assertEquals(List.of("91001", "91002"), file.teachersByDivision().get("2nde B"));
    }

    @Test
    void anotherEstablishmentsExportIsRefused() throws IOException {
        StsReader other = new StsReader("0860034V", EstablishmentKind.COLLEGE, SafeXml.Limits.of(8 * 1024 * 1024));
        assertEquals("wrong-establishment", assertThrows(RegistryFileRefused.class,
                () -> other.read(SiecleReaderTest.sample("sts_emp_0771763Y_2026.xml"))).code());
    }

    @Test
    void unknownPrincipalTeacherFormulaAndWrongDivisionAreNamed() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<STS_EDT><PARAMETRES><UAJ CODE=\"0771763Y\"/></PARAMETRES>\n"
                + "<DONNEES><INDIVIDUS>\n"
                + "<INDIVIDU ID=\"1\"><NOM_USAGE>DURAND</NOM_USAGE><PRENOM>Eva</PRENOM></INDIVIDU>\n"
                + "<INDIVIDU ID=\"2\"><NOM_USAGE>=cmd|' /C calc'!A0</NOM_USAGE><PRENOM>Max</PRENOM></INDIVIDU>\n"
                + "<INDIVIDU ID=\"1\"><NOM_USAGE>DURAND</NOM_USAGE><PRENOM>Eva</PRENOM></INDIVIDU>\n"
                + "</INDIVIDUS><STRUCTURE><DIVISIONS>\n"
                + "<DIVISION CODE=\"2nde A\"><PROFS_PRINC><PROF_PRINC><INDIVIDU_ID>99</INDIVIDU_ID></PROF_PRINC></PROFS_PRINC></DIVISION>\n"
                + "<DIVISION CODE=\"5e B\"><PROFS_PRINC><PROF_PRINC><INDIVIDU_ID>1</INDIVIDU_ID></PROF_PRINC></PROFS_PRINC></DIVISION>\n"
                + "<DIVISION CODE=\"1re A\"><PROFS_PRINC><PROF_PRINC><INDIVIDU_ID>1</INDIVIDU_ID></PROF_PRINC></PROFS_PRINC></DIVISION>\n"
                + "</DIVISIONS></STRUCTURE></DONNEES></STS_EDT>";
        StsReader.StsFile file = reader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("admin.import.row.formula", "admin.import.row.duplicate", "admin.import.row.unknown_person",
                "admin.import.row.division_unknown"), file.errors().stream().map(RowError::key).toList());
        assertEquals(List.of(5, 6, 8, 9), file.errors().stream().map(RowError::line).toList());
        assertEquals(List.of("1re A:1"), file.principalTeachers().stream().map(p -> p.division() + ":" + p.stsId()).toList());
    }
}
