package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.ent.portal.establishment.entity.EstablishmentKind;

class RegistryParserTest {

    static final String HEADER = "Identifiant élève;Nom;Prénom;Date de naissance;Division;Identifiant responsable 1;"
            + "Nom responsable 1;Prénom responsable 1;Courriel responsable 1\n";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final RegistryParser parser = new RegistryParser(EstablishmentKind.LYCEE, TODAY, 100);

    static RegistryFile parse(RegistryParser parser, String text) {
        return parser.parse(new RegistryText.Decoded(text, "UTF-8"));
    }

    @Test
    void theSampleFileIsValid() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("..", "docs", "samples", "import-lycee.csv"));
        RegistryFile file = new RegistryParser(EstablishmentKind.LYCEE, TODAY, 100).parse(RegistryText.decode(bytes, 1 << 20));
        assertEquals(List.of(), file.errors());
        assertEquals(6, file.rowCount());
        RegistryRow first = file.rows().get(0);
        assertEquals("900001", first.pupil().registryId());
        assertEquals("Maëlle", first.pupil().firstName());
        assertEquals(LocalDate.of(2010, 4, 12), first.pupil().birthDate());
        assertEquals("2nde D", first.division());
        assertEquals(2, first.representatives().size());
        assertEquals("kdupuis", first.representatives().get(0).legacyIdentifier());
        assertEquals("k.dupuis@example.org", first.representatives().get(0).email());
        assertEquals("ybenali", file.rows().get(2).pupil().legacyIdentifier());
    }

    @Test
    void headersCompareWithoutAccentsOrCaseAndOtherColumnsAreIgnored() {
        RegistryFile file = parse(parser, "\uFEFFIDENTIFIANT ELEVE;nom;prenom;date  de naissance;division;INE;Lien\n"
                + "1;Roux;Zoé;01/02/2010;2nde A;123;MERE\n");
        assertEquals(List.of(), file.errors());
        assertEquals("Zoé", file.rows().get(0).pupil().firstName());
    }

    @Test
    void missingColumnsRefuseTheWholeFile() {
        RegistryFileRefused refused = assertThrows(RegistryFileRefused.class,
                () -> parse(parser, "Identifiant élève;Nom;Division\n1;Roux;2nde A\n"));
        assertEquals("missing-columns", refused.code());
        assertEquals("Prénom, Date de naissance", refused.params()[0]);
        assertEquals("missing-columns", assertThrows(RegistryFileRefused.class, () -> parse(parser,
                "Identifiant élève;Nom;Prénom;Date de naissance;Division;Identifiant responsable 1\n")).code());
        assertEquals("duplicate-column", assertThrows(RegistryFileRefused.class, () -> parse(parser,
                "Identifiant élève;Nom;Nom;Prénom;Date de naissance;Division\n")).code());
        assertEquals("no-rows", assertThrows(RegistryFileRefused.class, () -> parse(parser, HEADER)).code());
        assertEquals("malformed", assertThrows(RegistryFileRefused.class,
                () -> parse(parser, HEADER + "1;\"Roux;Zoé;01/02/2010;2nde A;;;;\n")).code());
    }

    @Test
    void tooManyRowsRefuseTheWholeFile() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= 101; i++) {
            text.append(i).append(";Roux;Zoé;01/02/2010;2nde A;;;;\n");
        }
        RegistryFileRefused refused = assertThrows(RegistryFileRefused.class, () -> parse(parser, text.toString()));
        assertEquals("too-many-rows", refused.code());
    }

    @Test
    void eachBadRowIsNamedWithItsColumnAndTheOthersAreRead() {
        RegistryFile file = parse(parser, HEADER
                + "1;Roux;Zoé;31/02/2010;2nde A;;;;\n"                     // 2 impossible date
                + "2;=cmd|' /C calc'!A0;Zoé;01/02/2010;2nde A;;;;\n"       // 3 formula
                + "3;Roux;+Zoé;01/02/2010;2nde A;;;;\n"                     // 4 formula (+)
                + "4;Roux;Zoé;01/02/2010;5e A;;;;\n"                        // 5 unknown class
                + "5;Roux;Zoé;01/02/2099;2nde A;;;;\n"                      // 6 future date
                + "1;Roux;Zoé;01/02/2010;2nde A;;;;\n"                      // 7 duplicate of 2's id
                + "6;Roux;Zoé;2010-02-01;2nde A;;;;\n"                      // 8 wrong date format
                + "7;Roux;Zoé;01/02/2010;2nde A;R1;Roux;Paul;pas-une-adresse\n" // 9 email
                + "8;Roux;Zoé;01/02/2010;2nde A;R2;Roux;Paul;p@example.org\n"  // 10 fine
                + "9;Roux;Zoé;01/02/2010;2nde A;R2;Rousse;Paul;p@example.org\n" // 11 conflict with 10
                + "10;Roux;Zoé;01/02/2010;2nde A;;;\n"                      // 12 too few fields
                + "11;@Roux;-Zoé;01/02/2010;2nde A;;;;\n"                   // 13 two formulas
                + "12;Roux;Zoé;01/02/2010;2nde A;;;;\n");                   // 14 fine
        List<String> errors = file.errors().stream().map(e -> e.line() + " " + e.column() + " " + e.key()).toList();
        assertEquals(List.of(
                "2 Date de naissance admin.import.row.invalid_date",
                "3 Nom admin.import.row.formula",
                "4 Prénom admin.import.row.formula",
                "5 Division admin.import.row.division_unknown",
                "6 Date de naissance admin.import.row.impossible_date",
                "7 Identifiant élève admin.import.row.duplicate",
                "8 Date de naissance admin.import.row.invalid_date",
                "9 Courriel responsable 1 admin.import.row.invalid_email",
                "11 Identifiant responsable 1 admin.import.row.conflict",
                "12  admin.import.row.field_count",
                "13 Nom admin.import.row.formula",
                "13 Prénom admin.import.row.formula"), errors);
        assertEquals(List.of("=", "2"), List.of(file.errors().get(1).params().get(0), file.errors().get(5).params().get(0)));
        assertEquals(List.of(10, 14), file.rows().stream().map(RegistryRow::line).toList());
        assertEquals(13, file.rowCount());
        assertTrue(file.pupilIds().contains("1") && file.pupilIds().contains("11"));
    }

    @Test
    void legacyColumnsGoInPairsAndMustBeSupported() {
        String header = "Identifiant élève;Nom;Prénom;Date de naissance;Division;Ancien identifiant élève;Ancienne empreinte élève\n";
        RegistryFile file = parse(parser, header
                + "1;Roux;Zoé;01/02/2010;2nde A;ZRoux;sha256:00112233:" + "ab".repeat(32) + "\n"
                + "2;Roux;Léa;01/02/2010;2nde A;lroux;\n"
                + "3;Roux;Léo;01/02/2010;2nde A;lroux2;{MD5}abc\n"
                + "4;Roux;Théo;01/02/2010;2nde A;zroux;sha256:00112233:" + "cd".repeat(32) + "\n");
        assertEquals("zroux", file.rows().get(0).pupil().legacyIdentifier());
        assertEquals(List.of("3 admin.import.row.legacy_pair", "4 admin.import.row.invalid_legacy_hash",
                        "5 admin.import.row.legacy_identifier_twice"),
                file.errors().stream().map(e -> e.line() + " " + e.key()).toList());
        assertNull(file.rows().get(0).pupil().email());
    }

    /** Issue 20, item 6: a legacy hash costlier than bcrypt 12 or PBKDF2 600,000 is a row error, named with its cost. */
    @Test
    void legacyHashesAboveTheImportCostsAreRowErrors() {
        String header = "Identifiant élève;Nom;Prénom;Date de naissance;Division;Ancien identifiant élève;Ancienne empreinte élève\n";
        String salt = "c2VsZGVtZXJzZWw="; // 10 bytes
        String hash = "q83vEjRWeJCrze8SNFZ4kA=="; // 16 bytes
        RegistryFile file = parse(parser, header
                + "1;Roux;Zoé;01/02/2010;2nde A;zroux;$2b$12$" + "a".repeat(53) + "\n"
                + "2;Roux;Léa;01/02/2010;2nde A;lroux;$2b$13$" + "a".repeat(53) + "\n"
                + "3;Roux;Léo;01/02/2010;2nde A;lroux2;pbkdf2-sha256:600000:" + salt + ":" + hash + "\n"
                + "4;Roux;Théo;01/02/2010;2nde A;troux;pbkdf2-sha256:600001:" + salt + ":" + hash + "\n");
        assertEquals(List.of("3 Ancienne empreinte élève admin.import.row.legacy_hash_bcrypt_too_costly [13, 12]",
                        "5 Ancienne empreinte élève admin.import.row.legacy_hash_pbkdf2_too_costly [600001, 600000]"),
                file.errors().stream().map(e -> e.line() + " " + e.column() + " " + e.key() + " " + e.params()).toList());
        assertEquals(List.of("zroux", "lroux2"), file.rows().stream().map(r -> r.pupil().legacyIdentifier()).toList(),
                "bcrypt 12 and PBKDF2 600,000 are taken");
    }
}
