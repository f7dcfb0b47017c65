package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.ent.portal.establishment.entity.EstablishmentKind;

/**
 * Issue 25, hostile input: any document made of the directories' own element names, nested in any order, or any bytes,
 * become rows and row errors or one whole-file refusal in every reader, never another exception; what is accepted
 * never starts like a spreadsheet formula.
 */
class DirectoryHostileInputTest {

    private static final List<String> NAMES = List.of("BEE_ELEVES", "BEE_RESPONSABLES", "STS_EDT", "ficAlimMENESR",
            "PARAMETRES", "UAJ", "DONNEES", "ELEVES", "ELEVE", "ID_NATIONAL", "NOM_DE_FAMILLE", "NOM_USAGE", "PRENOM",
            "DATE_NAISS", "DATE_SORTIE", "STRUCTURES", "STRUCTURES_ELEVE", "STRUCTURE", "CODE_STRUCTURE", "TYPE_STRUCTURE",
            "PERSONNES", "PERSONNE", "MEL", "RESPONSABLES", "RESPONSABLE_ELEVE", "ELEVE_ID", "PERSONNE_ID", "RESP_LEGAL",
            "INDIVIDUS", "INDIVIDU", "DIVISIONS", "DIVISION", "PROFS_PRINC", "PROF_PRINC", "INDIVIDU_ID", "ENSEIGNANT",
            "addRequest", "modifyRequest", "deleteRequest", "identifier", "id", "attributes", "attr", "value",
            "operationalAttributes", "modifications", "modification");
    private static final List<String> TEXTS = List.of("", "0771763Y", "7100001", "5200001", "1", "2", "D", "2nde B",
            "=1+1", "@SUM(A1)", "01/02/2010", "31/02/2010", "Zoé", "4401$2nde C", "AAF-R-1$20", "x".repeat(300));
    private static final List<String> ATTRIBUTES = List.of("", " ELEVE_ID=\"7100001\"", " PERSONNE_ID=\"5200001\"",
            " ID=\"91001\"", " CODE=\"2nde B\"", " CODE=\"0771763Y\"", " name=\"sn\"", " name=\"categoriePersonne\"");

    private final LocalDate today = LocalDate.of(2026, 12, 6);
    private final SafeXml.Limits limits = SafeXml.Limits.of(1024 * 1024);

    @Property(tries = 400)
    void anyNestingIsRowsOrARefusal(@ForAll("documents") String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        survive(() -> {
            RegistryFile file = new SiecleReader("0771763Y", today, limits)
                    .read(bytes, bytes, new RegistryParser(EstablishmentKind.LYCEE, today, 1000));
            file.rows().forEach(r -> assertTrue(RegistryParser.FORMULA_STARTS.indexOf(r.pupil().lastName().charAt(0)) < 0));
        });
        survive(() -> new SiecleReader("0771763Y", today, limits)
                .read(bytes, null, new RegistryParser(EstablishmentKind.LYCEE, today, 1000)));
        survive(() -> new StsReader("0771763Y", EstablishmentKind.LYCEE, limits).read(bytes));
        survive(() -> {
            AafFeed feed = new AafFeed();
            AafFeedFile file = AafFeedFile.parse("ENT_X_Complet_20261205_Eleve_0000.xml").orElseThrow();
            new AafReader(limits).read(new ByteArrayInputStream(bytes), r -> feed.apply(file, r));
            feed.fileFor("0771763Y", new RegistryParser(EstablishmentKind.LYCEE, today, 1000));
        });
    }

    @Property(tries = 200)
    void anyBytesAreARefusalOrRows(@ForAll byte[] bytes) {
        survive(() -> ImportRun.isXml(bytes));
        survive(() -> new SiecleReader("0771763Y", today, limits)
                .read(bytes, null, new RegistryParser(EstablishmentKind.LYCEE, today, 1000)));
        survive(() -> SafeZip.open(bytes, SafeZip.Limits.of(1024 * 1024)));
    }

    private static void survive(Runnable run) {
        try {
            run.run();
        } catch (RegistryFileRefused refused) {
            // a whole-file refusal is a fine answer
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return element(4).map(body -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);
    }

    private Arbitrary<String> element(int depth) {
        Arbitrary<String> name = Arbitraries.of(NAMES);
        Arbitrary<String> attribute = Arbitraries.of(ATTRIBUTES);
        Arbitrary<String> text = Arbitraries.of(TEXTS);
        if (depth == 0) {
            return net.jqwik.api.Combinators.combine(name, attribute, text)
                    .as((n, a, t) -> "<" + n + a + ">" + t + "</" + n + ">");
        }
        Arbitrary<String> children = element(depth - 1).list().ofMaxSize(4).map(l -> String.join("\n", l));
        return net.jqwik.api.Combinators.combine(name, attribute, children, text)
                .as((n, a, c, t) -> "<" + n + a + ">" + c + t + "</" + n + ">");
    }
}
