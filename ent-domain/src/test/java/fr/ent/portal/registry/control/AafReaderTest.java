package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Issue 25: the AAF feed's files are streamed request by request; the inbox is imported in order. */
class AafReaderTest {

    private final AafReader reader = new AafReader(SafeXml.Limits.of(64L * 1024 * 1024));

    private List<AafReader.Request> read(String sample) throws IOException {
        List<AafReader.Request> requests = new ArrayList<>();
        try (InputStream in = Files.newInputStream(SiecleReaderTest.SAMPLES.resolve("aaf").resolve(sample))) {
            reader.read(in, requests::add);
        }
        return requests;
    }

    @Test
    void fullFileGivesAddRequestsWithTheirAttributes() throws IOException {
        List<AafReader.Request> pupils = read("ENT_CRETEIL_Complet_20261205_Eleve_0000.xml");
        assertEquals(3, pupils.size());
        AafReader.Request margaux = pupils.get(0);
        assertEquals(AafReader.Operation.ADD, margaux.operation());
        assertEquals("AAF-E-300001", margaux.id());
        assertEquals("Eleve", margaux.category());
        assertEquals("130000001BA", margaux.first("ENTEleveINE"));
        assertEquals("4401$2nde C", margaux.first("ENTEleveClasses"));
        assertEquals(List.of("AAF-R-400001$20$1$1$1$0", "AAF-R-400002$10$1$1$1$0"),
                margaux.attributes().get("ENTElevePersRelEleve"));
        assertEquals("Éloïse", pupils.get(2).first("givenName"));
        List<AafReader.Request> staff = read("ENT_CRETEIL_Complet_20261205_PersEducNat_0000.xml");
        assertEquals("4401$2nde C", staff.get(0).first("ENTAuxEnsClassesPrincipal"));
    }

    @Test
    void deltaGivesAddModifyAndDelete() throws IOException {
        List<AafReader.Request> delta = read("ENT_CRETEIL_Delta_20261206_Eleve_0000.xml");
        assertEquals(List.of(AafReader.Operation.ADD, AafReader.Operation.MODIFY, AafReader.Operation.DELETE),
                delta.stream().map(AafReader.Request::operation).toList());
        assertEquals("4401$1re B", delta.get(1).first("ENTEleveClasses"));
        assertEquals("AAF-E-300002", delta.get(2).id());
        assertEquals(java.util.Map.of(), delta.get(2).attributes());
    }

    @Test
    void anotherDocumentOrATruncatedOneIsRefused() {
        assertEquals("format", assertThrows(RegistryFileRefused.class, () -> reader.read(
                new ByteArrayInputStream("<BEE_ELEVES/>".getBytes(StandardCharsets.UTF_8)), r -> { })).code());
        assertEquals("malformed", assertThrows(RegistryFileRefused.class, () -> reader.read(new ByteArrayInputStream(
                "<ficAlimMENESR><addRequest><identifier><id>1</id>".getBytes(StandardCharsets.UTF_8)), r -> { })).code());
    }

    @Test
    void inboxOrderFullThenDeltasOnceEachAndADeltaBeforeItsFullWaits() {
        List<AafFeedFile> inbox = new ArrayList<>();
        for (String name : List.of("ENT_CRETEIL_Delta_20261206_Eleve_0000.xml", "ENT_CRETEIL_Complet_20261205_Eleve_0000.xml",
                "ENT_CRETEIL_Complet_20261205_EtabEducNat_0000.xml", "ENT_CRETEIL_Complet_20261205_PersRelEleve_0000.xml",
                "ENT_CRETEIL_Delta_20261206_PersRelEleve_0001.xml", "notes.txt", "ENT_CRETEIL_Delta_20261231_Eleve_0000.xml")) {
            AafFeedFile.parse(name).ifPresent(inbox::add);
        }
        assertEquals(6, inbox.size(), "notes.txt is not the feed's");
        AafFeedFile.Schedule first = AafFeedFile.schedule(inbox, Set.of(), null);
        assertEquals(List.of("ENT_CRETEIL_Complet_20261205_EtabEducNat_0000.xml", "ENT_CRETEIL_Complet_20261205_Eleve_0000.xml",
                "ENT_CRETEIL_Complet_20261205_PersRelEleve_0000.xml", "ENT_CRETEIL_Delta_20261206_Eleve_0000.xml",
                "ENT_CRETEIL_Delta_20261206_PersRelEleve_0001.xml", "ENT_CRETEIL_Delta_20261231_Eleve_0000.xml"),
                first.ready().stream().map(AafFeedFile::name).toList());
        // deltas alone (the full file has not arrived): they wait
        List<AafFeedFile> deltas = inbox.stream().filter(f -> !f.full()).toList();
        AafFeedFile.Schedule early = AafFeedFile.schedule(deltas, Set.of(), null);
        assertEquals(List.of(), early.ready());
        assertEquals(3, early.waiting().size());
        // once imported, a file is not imported again; a delta older than the last full is superseded
        Set<String> done = Set.of("ENT_CRETEIL_Delta_20261206_Eleve_0000.xml");
        AafFeedFile.Schedule later = AafFeedFile.schedule(deltas, done, LocalDate.of(2026, 12, 10));
        assertEquals(List.of("ENT_CRETEIL_Delta_20261231_Eleve_0000.xml"), later.ready().stream().map(AafFeedFile::name).toList());
        assertEquals(List.of("ENT_CRETEIL_Delta_20261206_PersRelEleve_0001.xml"),
                later.superseded().stream().map(AafFeedFile::name).toList());
    }
}
