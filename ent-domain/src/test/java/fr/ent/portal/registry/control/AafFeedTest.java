package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fr.ent.portal.establishment.entity.EstablishmentKind;

/** Issue 25: the AAF samples, full then delta, become the lycée's records; a delta changes what it says. */
class AafFeedTest {

    static final Path AAF = SiecleReaderTest.SAMPLES.resolve("aaf");
    private final RegistryParser parser = new RegistryParser(EstablishmentKind.LYCEE, LocalDate.of(2026, 12, 6), 200_000);

    static AafFeed replay(Set<String> names) throws IOException {
        AafFeed feed = new AafFeed();
        AafReader reader = new AafReader(SafeXml.Limits.of(512L * 1024 * 1024));
        List<AafFeedFile> files;
        try (Stream<Path> list = Files.list(AAF)) {
            files = list.map(p -> p.getFileName().toString()).filter(names::contains).map(AafFeedFile::parse)
                    .flatMap(java.util.Optional::stream).toList();
        }
        for (AafFeedFile file : AafFeedFile.schedule(files, Set.of(), null).ready()) {
            try (InputStream in = Files.newInputStream(AAF.resolve(file.name()))) {
                reader.read(in, request -> feed.apply(file, request));
            }
        }
        return feed;
    }

    static final Set<String> FULL = Set.of("ENT_CRETEIL_Complet_20261205_EtabEducNat_0000.xml",
            "ENT_CRETEIL_Complet_20261205_Eleve_0000.xml", "ENT_CRETEIL_Complet_20261205_PersRelEleve_0000.xml",
            "ENT_CRETEIL_Complet_20261205_PersEducNat_0000.xml");

    @Test
    void fullFeedGivesTheLyceesPupilsDivisionsAndRepresentatives() throws IOException {
        AafFeed feed = replay(FULL);
        assertEquals(Set.of("0771763Y"), feed.establishments());
        RegistryFile file = feed.fileFor("0771763Y", parser);
        assertEquals(List.of(), file.errors());
        Map<String, RegistryRow> rows = file.rows().stream().collect(Collectors.toMap(r -> r.pupil().registryId(), r -> r));
        assertEquals(Set.of("130000001BA", "130000002BB", "130000003BC"), rows.keySet());
        RegistryRow margaux = rows.get("130000001BA");
        assertEquals("2nde C", margaux.division());
        assertEquals(List.of("AAF-R-400001", "AAF-R-400002"), margaux.representatives().stream()
                .map(PersonEntry::registryId).toList());
        assertEquals("claire.delcourt@example.org", margaux.representatives().get(0).email());
        assertEquals("no-rows", org.junit.jupiter.api.Assertions.assertThrows(RegistryFileRefused.class,
                () -> feed.fileFor("0860034V", parser)).code(), "no pupil of another establishment");
    }

    @Test
    void deltaAddsMovesAndDeletesExactlyWhatItSays() throws IOException {
        Set<String> names = new java.util.HashSet<>(FULL);
        names.add("ENT_CRETEIL_Delta_20261206_Eleve_0000.xml");
        RegistryFile file = replay(names).fileFor("0771763Y", parser);
        Map<String, RegistryRow> rows = file.rows().stream().collect(Collectors.toMap(r -> r.pupil().registryId(), r -> r));
        assertEquals(Set.of("130000001BA", "130000003BC", "130000004BD"), rows.keySet()); // Simon deleted, Hugo added
        assertEquals("1re B", rows.get("130000003BC").division()); // Éloïse moved
        assertEquals("2nde C", rows.get("130000001BA").division()); // unchanged
    }

    @Test
    void aDeltaAboutSomeoneAbsentAndUnknownReferencesAreNamed() {
        AafFeed feed = new AafFeed();
        AafFeedFile etab = AafFeedFile.parse("ENT_X_Complet_20261205_EtabEducNat_0000.xml").orElseThrow();
        AafFeedFile full = AafFeedFile.parse("ENT_X_Complet_20261205_Eleve_0000.xml").orElseThrow();
        AafFeedFile delta = AafFeedFile.parse("ENT_X_Delta_20261206_Eleve_0000.xml").orElseThrow();
        feed.apply(etab, new AafReader.Request(3, AafReader.Operation.ADD, "1", null, Map.of("ENTStructureUAI", List.of("0771763Y"))));
        feed.apply(full, new AafReader.Request(5, AafReader.Operation.ADD, "E1", "Eleve", Map.of("sn", List.of("PETIT"),
                "givenName", List.of("Léo"), "ENTPersonDateNaissance", List.of("01/02/2010"),
                "ENTPersonStructRattach", List.of("1"), "ENTEleveClasses", List.of("1$2nde A"),
                "ENTElevePersRelEleve", List.of("R404$20$1$1$1$0"))));
        feed.apply(full, new AafReader.Request(9, AafReader.Operation.ADD, "E2", "Eleve", Map.of("sn", List.of("ROUX"),
                "givenName", List.of("Lou"), "ENTPersonDateNaissance", List.of("01/02/2010"),
                "ENTPersonStructRattach", List.of("77"))));
        feed.apply(delta, new AafReader.Request(4, AafReader.Operation.DELETE, "E404", null, Map.of()));
        RegistryFile file = feed.fileFor("0771763Y", parser);
        assertEquals(List.of("admin.import.row.aaf_absent", "admin.import.row.unknown_person",
                "admin.import.row.aaf_unknown_establishment"), file.errors().stream().map(RowError::key).toList());
        assertTrue(file.errors().stream().allMatch(e -> e.column().startsWith("ENT_X_")), "each error names its file");
    }
}
