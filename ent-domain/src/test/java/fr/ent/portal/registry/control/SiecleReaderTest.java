package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import fr.ent.portal.establishment.entity.EstablishmentKind;

/** Issue 25: the SIECLE exports of docs/samples become the import's rows; bad records are named. */
class SiecleReaderTest {

    static final Path SAMPLES = Path.of("..", "docs", "samples");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private final SiecleReader reader = new SiecleReader("0771763Y", TODAY, SafeXml.Limits.of(8 * 1024 * 1024));
    private final RegistryParser parser = new RegistryParser(EstablishmentKind.LYCEE, TODAY, 30_000);

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    private RegistryFile read(String pupils, String representatives) {
        return reader.read(pupils.getBytes(StandardCharsets.UTF_8),
                representatives == null ? null : representatives.getBytes(StandardCharsets.UTF_8), parser);
    }

    @Test
    void samplesGivePupilsDivisionsAndLegalRepresentatives() throws IOException {
        RegistryFile file = reader.read(sample("siecle-ElevesSansAdresses.xml"),
                sample("siecle-ResponsablesAvecAdresses.xml"), parser);
        assertEquals(List.of(), file.errors());
        assertEquals("ISO-8859-15", file.encoding());
        Map<String, RegistryRow> rows = file.rows().stream()
                .collect(Collectors.toMap(r -> r.pupil().registryId(), r -> r));
        // the leaver (DATE_SORTIE 20/11/2026) is absent: their enrollment ends
        assertEquals(4, rows.size());
        assertFalse(file.pupilIds().contains("120000005AF"));
        RegistryRow leonie = rows.get("120000001AB");
        assertEquals("Fontaine", leonie.pupil().lastName()); // NOM_USAGE first
        assertEquals("Léonie", leonie.pupil().firstName());
        assertEquals(LocalDate.of(2010, 3, 14), leonie.pupil().birthDate());
        assertEquals("2nde B", leonie.division()); // the division, not the group
        assertEquals(List.of("5200001", "5200002"), leonie.representatives().stream().map(PersonEntry::registryId).toList());
        assertEquals("helene.fontaine@example.org", leonie.representatives().get(0).email());
        assertEquals("Zoé", rows.get("120000003AD").pupil().firstName()); // ISO-8859-15 decoded
        // a person who is not a legal representative (RESP_LEGAL 0) is no representative
        assertEquals(List.of("5200004"), rows.get("120000004AE").representatives().stream()
                .map(PersonEntry::registryId).toList());
    }

    @Test
    void pupilsAloneAreEnough() throws IOException {
        RegistryFile file = reader.read(sample("siecle-ElevesSansAdresses.xml"), null, parser);
        assertEquals(4, file.rows().size());
        assertTrue(file.rows().stream().allMatch(r -> r.representatives().isEmpty()));
    }

    @Test
    void anotherEstablishmentsExportIsRefused() throws IOException {
        SiecleReader other = new SiecleReader("0860034V", TODAY, SafeXml.Limits.of(8 * 1024 * 1024));
        assertEquals("wrong-establishment", assertThrows(RegistryFileRefused.class,
                () -> other.read(sample("siecle-ElevesSansAdresses.xml"), null, parser)).code());
    }

    @Test
    void filesSwappedOrOfAnotherKindAreRefused() throws IOException {
        assertEquals("format", assertThrows(RegistryFileRefused.class,
                () -> reader.read(sample("siecle-ResponsablesAvecAdresses.xml"), null, parser)).code());
        assertEquals("format", assertThrows(RegistryFileRefused.class,
                () -> reader.read(sample("siecle-ElevesSansAdresses.xml"), sample("siecle-ElevesSansAdresses.xml"),
                        parser)).code());
    }

    static String pupils(String eleves, String structures) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BEE_ELEVES><PARAMETRES><UAJ>0771763Y</UAJ></PARAMETRES>"
                + "<DONNEES><ELEVES>" + eleves + "</ELEVES><STRUCTURES>" + structures + "</STRUCTURES></DONNEES></BEE_ELEVES>";
    }

    static String eleve(String id, String ine, String nom, String prenom, String naissance) {
        return "<ELEVE ELEVE_ID=\"" + id + "\">\n<ID_NATIONAL>" + ine + "</ID_NATIONAL><NOM_DE_FAMILLE>" + nom
                + "</NOM_DE_FAMILLE><PRENOM>" + prenom + "</PRENOM><DATE_NAISS>" + naissance + "</DATE_NAISS></ELEVE>\n";
    }

    static String division(String id, String code) {
        return "<STRUCTURES_ELEVE ELEVE_ID=\"" + id + "\"><STRUCTURE><CODE_STRUCTURE>" + code
                + "</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>\n";
    }

    @Test
    void badRecordsAreNamedOnTheirLine() {
        String xml = pupils(eleve("1", "111", "MARTIN", "Jules", "01/02/2010")
                        + eleve("2", "111", "MARTIN", "Julie", "01/02/2010") // duplicate national id
                        + eleve("3", "333", "=HYPERLINK(\"x\")", "Paul", "01/02/2010") // formula injection
                        + eleve("4", "444", "PETIT", "Léa", "31/02/2010") // impossible date
                        + eleve("5", "555", "ROUX", "Tom", "01/02/2010"), // no division
                division("1", "2nde B") + division("2", "2nde B") + division("3", "2nde B") + division("4", "2nde B"));
        RegistryFile file = read(xml, null);
        List<String> keys = file.errors().stream().map(RowError::key).toList();
        assertTrue(keys.contains("admin.import.row.duplicate"), keys.toString());
        assertTrue(keys.contains("admin.import.row.formula"), keys.toString());
        assertTrue(keys.contains("admin.import.row.invalid_date"), keys.toString());
        assertTrue(keys.contains("admin.import.row.required"), keys.toString());
        assertEquals(List.of("111"), file.rows().stream().map(r -> r.pupil().registryId()).toList());
        assertTrue(file.errors().stream().allMatch(e -> e.line() > 1), "each error names the record's line");
    }

    @Test
    void unknownReferencesAreRowErrors() {
        String xml = pupils(eleve("1", "111", "MARTIN", "Jules", "01/02/2010"), division("1", "2nde B"));
        String reps = "<BEE_RESPONSABLES><PARAMETRES><UAJ>0771763Y</UAJ></PARAMETRES><DONNEES><PERSONNES>"
                + "<PERSONNE PERSONNE_ID=\"9\"><NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE><PRENOM>Anne</PRENOM></PERSONNE>"
                + "</PERSONNES><RESPONSABLES>\n"
                + "<RESPONSABLE_ELEVE><ELEVE_ID>1</ELEVE_ID><PERSONNE_ID>404</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>\n"
                + "<RESPONSABLE_ELEVE><ELEVE_ID>77</ELEVE_ID><PERSONNE_ID>9</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>\n"
                + "</RESPONSABLES></DONNEES></BEE_RESPONSABLES>";
        RegistryFile file = read(xml, reps);
        assertEquals(List.of("admin.import.row.unknown_person", "admin.import.row.unknown_pupil"),
                file.errors().stream().map(RowError::key).toList());
        assertEquals(List.of(2, 3), file.errors().stream().map(RowError::line).toList());
    }

    @Test
    void aPupilWithoutNationalIdKeepsAStableEstablishmentId() {
        RegistryFile file = read(pupils(eleve("42", "", "MARTIN", "Jules", "01/02/2010"), division("42", "1re A")), null);
        assertEquals("siecle-0771763Y-42", file.rows().get(0).pupil().registryId());
    }
}
