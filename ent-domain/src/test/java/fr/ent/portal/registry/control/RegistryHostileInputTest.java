package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.hostile.HostileCorpus;

/**
 * Issue 10, hostile input: any bytes uploaded as a registry export become either rows and per-row errors or one
 * whole-file refusal, never another exception; what the parser accepts never starts like a spreadsheet formula and
 * carries no control character.
 */
class RegistryHostileInputTest {

    private static final String HEADER = "Identifiant élève;Nom;Prénom;Date de naissance;Division;"
            + "Identifiant responsable 1;Nom responsable 1;Prénom responsable 1;Courriel responsable 1";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final RegistryParser parser = new RegistryParser(EstablishmentKind.LYCEE, LocalDate.of(2026, 11, 23), 200);

    @Property(tries = 300)
    void anyBytesAreRowsOrAWholeFileRefusal(@ForAll("files") byte[] bytes) {
        assertAcceptedCellsArePlain(bytes);
    }

    /** A valid row with one cell replaced: the hostile cell is refused, or kept as plain text. */
    @Property(tries = 500)
    void oneHostileCellInAValidRow(@ForAll("cells") String hostile, @ForAll @net.jqwik.api.constraints.IntRange(max = 8) int at) {
        String[] row = {"900001", "Roux", "Zoé", "01/02/2010", "2nde A", "R1", "Roux", "Paul", "p.roux@example.org"};
        row[at] = "\"" + hostile.replace("\"", "\"\"") + "\"";
        assertAcceptedCellsArePlain((HEADER + "\n" + String.join(";", row)).getBytes(StandardCharsets.UTF_8));
    }

    private void assertAcceptedCellsArePlain(byte[] bytes) {
        RegistryFile file;
        try {
            file = parser.parse(RegistryText.decode(bytes, 1 << 20));
        } catch (RegistryFileRefused refused) {
            assertFalse(refused.code().isBlank());
            return;
        }
        assertTrue(file.rowCount() >= file.rows().size());
        for (RegistryRow row : file.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.division()));
            Stream.concat(Stream.of(row.pupil()), row.representatives().stream()).forEach(person -> {
                cells.add(person.lastName());
                cells.add(person.firstName());
                cells.add(person.registryId());
                if (person.email() != null) {
                    cells.add(person.email());
                }
            });
            for (String cell : cells) {
                assertFalse(cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0,
                        "an accepted cell starts like a formula: " + cell);
                assertTrue(cell.chars().noneMatch(Character::isISOControl), "a control character kept: " + cell);
            }
        }
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(HostileCorpus.strings(), Arbitraries.of("\u2003=HYPERLINK(\"http://evil.example\")",
                "\u3000+cmd|' /C calc'!A0", "\u2028@SUM(A1)", "Zo\u0085é", "Ro\u009bux", " -2+3"));
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> cell = Arbitraries.oneOf(HostileCorpus.strings(),
                Arbitraries.of("900001", "Roux", "Zoé", "01/02/2010", "2nde A", "R1", "Martin", "Paul",
                        "p.martin@example.org", "\u2003=1+1", "\u2003=HYPERLINK(\"http://evil.example\")", "\u00a0=1+1",
                        " @SUM(1)", "Zo\u0085é"));
        Arbitrary<String> separator = Arbitraries.of(";", ";", ";", ",", "\t", "|", "\"", "\n", "");
        Arbitrary<String> line = Combinators.combine(cell.list().ofMinSize(1).ofMaxSize(12), separator)
                .as((cells, sep) -> String.join(sep, cells));
        Arbitrary<String> text = line.list().ofMaxSize(6).map(lines -> HEADER + "\n" + String.join("\n", lines));
        Arbitrary<byte[]> utf8 = text.map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> latin = text.map(t -> t.getBytes(RegistryText.WINDOWS_1252));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> spliced = Combinators.combine(utf8, random).as((a, b) -> {
            byte[] out = new byte[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        });
        return Arbitraries.oneOf(utf8, latin, random, spliced);
    }
}
