package fr.ent.portal.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.registry.entity.AafFeedRecord;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Issue 25, item 4: the region's inbox against the demo data in H2, with the boundary's steps
 * ({@link AafFeedRecords}, one transaction each): a delta before its full file waits; the full feed creates the
 * lycée's pupils, representatives and links; the delta changes exactly what it says; a replay changes nothing; a bad
 * file fails its batch with its errors, leaves the previous state whole and holds back the files after it until it is
 * dropped again fixed.
 */
class RegionInboxTest {

    private static int databases;

    static final Path AAF = SiecleReaderTest.SAMPLES.resolve("aaf");
    static final String DELTA = "ENT_CRETEIL_Delta_20261206_Eleve_0000.xml";
    static final List<String> FULL = List.of("ENT_CRETEIL_Complet_20261205_EtabEducNat_0000.xml",
            "ENT_CRETEIL_Complet_20261205_PersEducNat_0000.xml", "ENT_CRETEIL_Complet_20261205_Eleve_0000.xml",
            "ENT_CRETEIL_Complet_20261205_PersRelEleve_0000.xml");

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private final LocalDate today = LocalDate.now(clock);
    private final SchoolYear year = SchoolYear.current(clock);
    private EntityManagerFactory emf;
    private final java.util.List<List<RowError>> failures = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        emf = TestPersistenceUnit.migratedH2("region-inbox-test-" + (++databases));
        PasswordHashing hashing = new PasswordHashing(1024, 1, 1, 2);
        TestPersistenceUnit.inTransaction(emf, em -> new DemoDataSet(em, hashing, clock).loadIfAbsent());
    }

    @AfterEach
    void close() {
        emf.close();
    }

    /** The boundary's steps, each in a transaction of its own. */
    private AafInboxRun.Result run(Path inbox) {
        return run(inbox, Instant.MIN);
    }

    /** The same, taking again files RUNNING since before {@code staleBefore}. */
    private AafInboxRun.Result run(Path inbox, Instant staleBefore) {
        return AafInboxRun.run(inbox, new AafInboxRun.Steps() {
            @Override
            public Map<String, AafInboxRun.Known> known() {
                return TestPersistenceUnit.inTransaction(emf, AafFeedRecords::known);
            }

            @Override
            public LocalDate lastFullDate() {
                return TestPersistenceUnit.inTransaction(emf, AafFeedRecords::lastFullDate);
            }

            @Override
            public boolean claim(List<AafInbox.Found> files) {
                try {
                    TestPersistenceUnit.inTransaction(emf, em -> {
                        AafFeedRecords.claim(em, files, "test", clock.instant(), staleBefore);
                        return null;
                    });
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            }

            @Override
            public void importBatch(List<AafFeedFile> files) {
                TestPersistenceUnit.inTransaction(emf, em -> AafFeedRecords.importBatch(em, inbox, files, clock.instant(),
                        today, year, 2));
            }

            @Override
            public void fail(List<AafFeedFile> files, List<RowError> errors) {
                failures.add(errors);
                TestPersistenceUnit.inTransaction(emf, em -> {
                    AafFeedRecords.fail(em, files, errors.size(), errors.toString(), clock.instant());
                    return null;
                });
            }

            @Override
            public void supersede(List<AafInbox.Found> files) {
                TestPersistenceUnit.inTransaction(emf, em -> {
                    AafFeedRecords.supersede(em, files, "test", clock.instant());
                    return null;
                });
            }
        }, staleBefore);
    }

    /** What the database says of the académie's registry people: accounts, classes, ended enrollments, links. */
    private Map<String, String> state() {
        return TestPersistenceUnit.inTransaction(emf, em -> {
            Map<String, String> state = new TreeMap<>();
            em.createQuery("select a.externalId, a.lastName, a.firstName, a.birthDate, a.recoveryEmail from Account a"
                    + " where a.externalId like 'creteil:%'", Object[].class).getResultList()
                    .forEach(r -> state.put((String) r[0], r[1] + " " + r[2] + " " + r[3] + " " + r[4]));
            em.createQuery("select p.externalId, e.division, e.endDate from Enrollment e join e.pupil p"
                    + " where p.externalId like 'creteil:%'", Object[].class).getResultList()
                    .forEach(r -> state.put("enrollment " + r[0], r[1] + " ended " + r[2]));
            em.createQuery("select r.representative.externalId, r.pupil.externalId from Responsibility r"
                    + " where r.pupil.externalId like 'creteil:%'", Object[].class).getResultList()
                    .forEach(r -> state.put("link " + r[0] + " " + r[1], ""));
            em.createQuery("select a.externalId, s.role, s.division from Assignment s join s.staff a"
                    + " where a.externalId like 'creteil:%'", Object[].class).getResultList()
                    .forEach(r -> state.put("role " + r[0] + " " + r[1] + " " + r[2], ""));
            state.put("entries", String.valueOf(em.createQuery("select count(e) from AafEntry e", Long.class)
                    .getSingleResult()));
            return state;
        });
    }

    private Map<String, AafFeedRecord.State> records() {
        return TestPersistenceUnit.inTransaction(emf, em -> {
            Map<String, AafFeedRecord.State> records = new TreeMap<>();
            em.createQuery("select f from AafFeedRecord f", AafFeedRecord.class).getResultList()
                    .forEach(f -> records.put(f.name(), f.state()));
            return records;
        });
    }

    private static void drop(Path inbox, String sample) throws IOException {
        Files.copy(AAF.resolve(sample), inbox.resolve(sample), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path inbox, String name, String xml) throws IOException {
        Files.writeString(inbox.resolve(name), xml, StandardCharsets.UTF_8);
    }

    @Test
    void theInboxImportsTheFeedInOrderOnceEachAndABadFileChangesNothing(@TempDir Path inbox) throws IOException {
        // 1. a delta before its full file waits: nothing taken, nothing written
        Map<String, String> demo = state();
        drop(inbox, DELTA);
        AafInboxRun.Result waited = run(inbox);
        assertEquals(List.of(DELTA), waited.waiting().stream().map(AafFeedFile::name).toList());
        assertEquals(List.of(), waited.imported());
        assertEquals(Map.of(), records());
        assertEquals(demo, state());

        // 2. the full feed (the delta set aside): the lycée's 3 pupils, 3 representatives and their links
        Files.move(inbox.resolve(DELTA), inbox.resolveSibling(inbox.getFileName() + "-" + DELTA));
        for (String name : FULL) {
            drop(inbox, name);
        }
        AafInboxRun.Result full = run(inbox);
        assertEquals(4, full.imported().size());
        Map<String, String> afterFull = state();
        assertEquals("DELCOURT Margaux 2010-02-04 null", afterFull.get("creteil:eleve:130000001BA"));
        assertEquals("2nde C ended null", afterFull.get("enrollment creteil:eleve:130000001BA"));
        assertEquals("Terminale B ended null", afterFull.get("enrollment creteil:eleve:130000002BB"));
        assertTrue(afterFull.containsKey("link creteil:responsable:AAF-R-400001 creteil:eleve:130000001BA"));
        assertTrue(afterFull.containsKey("creteil:responsable:AAF-R-400003"));
        assertEquals(9, afterFull.keySet().stream().filter(k -> k.startsWith("creteil:")).count(),
                "3 pupils, 3 representatives, 3 staff");
        assertEquals(List.of(AafFeedRecord.State.IMPORTED), records().values().stream().distinct().toList());
        int[] counts = TestPersistenceUnit.inTransaction(emf, em -> {
            AafFeedRecord r = em.createNamedQuery(AafFeedRecord.BY_NAME, AafFeedRecord.class)
                    .setParameter("name", FULL.get(2)).getSingleResult();
            return new int[] {r.requests(), r.created(), r.updated(), r.ended()};
        });
        assertEquals(List.of(3, 9, 0, 0), List.of(counts[0], counts[1], counts[2], counts[3]));

        // 3. looking again takes nothing: each file once
        assertEquals(List.of(), run(inbox).imported());
        assertEquals(afterFull, state());

        // 4. the delta: exactly one pupil added, one moved, one ended; nothing else changes
        Files.move(inbox.resolveSibling(inbox.getFileName() + "-" + DELTA), inbox.resolve(DELTA));
        assertEquals(List.of(DELTA), run(inbox).imported().stream().map(AafFeedFile::name).toList());
        Map<String, String> afterDelta = state();
        Map<String, String> expected = new TreeMap<>(afterFull);
        expected.put("creteil:eleve:130000004BD", "TESSIER Hugo 2010-06-21 null");
        expected.put("enrollment creteil:eleve:130000004BD", "2nde C ended null");
        expected.put("enrollment creteil:eleve:130000003BC", "1re B ended null");
        expected.put("enrollment creteil:eleve:130000002BB", "Terminale B ended " + today);
        expected.put("entries", String.valueOf(Integer.parseInt(afterFull.get("entries"))));
        assertEquals(expected, afterDelta);

        // 5. replaying the whole feed (full then delta) against this state changes nothing
        AafFeedImport.Outcome replay = TestPersistenceUnit.inTransaction(emf, em -> new AafFeedImport(em,
                clock.instant(), today, year, AafFeedRecords.LIMITS, 2).run(inbox, AafInbox.scan(inbox).stream()
                .map(AafInbox.Found::file).sorted(AafFeedFile.ORDER).toList()));
        assertEquals(List.of(0, 0, 0, 0), List.of(replay.created(), replay.updated(), replay.links(), replay.ended()));
        assertEquals(afterDelta, state());

        // 6. a bad delta (a valid add, and a deletion of someone absent): the batch fails, nothing of it is written,
        //    the next night's delta waits behind it
        String bad = "ENT_CRETEIL_Delta_20261207_Eleve_0000.xml";
        write(inbox, bad, delta(addPupil("AAF-E-300005", "130000005BE", "NOVAK", "Iris") + """
                  <deleteRequest><identifier><id>AAF-E-999999</id></identifier></deleteRequest>
                """));
        String next = "ENT_CRETEIL_Delta_20261208_Eleve_0000.xml";
        write(inbox, next, delta(addPupil("AAF-E-300006", "130000006BF", "ROCHE", "Paul")));
        AafInboxRun.Result failed = run(inbox);
        assertEquals(List.of(bad), failed.failed().stream().map(AafFeedFile::name).toList());
        assertEquals(List.of(next), failed.waiting().stream().map(AafFeedFile::name).toList());
        assertEquals(List.of("admin.import.row.aaf_absent"), failures.get(failures.size() - 1).stream()
                .map(RowError::key).toList());
        assertEquals(bad, failures.get(failures.size() - 1).get(0).column(), "the error names its file");
        assertEquals(afterDelta, state(), "the previous state intact (accounts and the feed's entries)");
        assertEquals(AafFeedRecord.State.FAILED, records().get(bad));
        assertFalse(records().containsKey(next));

        // 7. the same bad file looked at again stays failed (not retried, the next one still waits)
        AafInboxRun.Result again = run(inbox);
        assertEquals(List.of(), again.imported());
        assertEquals(List.of(bad, next), again.waiting().stream().map(AafFeedFile::name).toList());

        // 8. dropped again fixed (other content): imported, then the one that waited
        write(inbox, bad, delta(addPupil("AAF-E-300005", "130000005BE", "NOVAK", "Iris")));
        AafInboxRun.Result fixed = run(inbox);
        assertEquals(List.of(bad, next), fixed.imported().stream().map(AafFeedFile::name).toList());
        Map<String, String> afterFix = state();
        assertEquals("NOVAK Iris 2010-03-01 null", afterFix.get("creteil:eleve:130000005BE"));
        assertEquals("ROCHE Paul 2010-03-01 null", afterFix.get("creteil:eleve:130000006BF"));
    }

    @Test
    void hostileAndBrokenFilesFailTheirBatchAndWriteNothing(@TempDir Path inbox) throws IOException {
        Path first = Files.createDirectory(inbox.resolve("full"));
        for (String name : FULL) {
            drop(first, name);
        }
        assertEquals(4, run(first).imported().size());
        Map<String, String> before = state();
        Map<String, AafFeedRecord.State> recordsBefore = records();
        List<String> bad = List.of(
                // truncated
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR><addRequest><identifier><id>X",
                // billion laughs / external entity: any DOCTYPE
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
                        + "<ficAlimMENESR>&lol2;</ficAlimMENESR>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><ficAlimMENESR>&xxe;"
                        + "</ficAlimMENESR>",
                // not the feed's root
                "<?xml version=\"1.0\"?><BEE_ELEVES/>",
                // a pupil of an establishment the feed does not hold, and a formula-like name
                delta(addPupil("AAF-E-1", "130000091BA", "=HYPERLINK(\"x\")", "Eve")),
                delta("""
                          <addRequest><identifier><id>AAF-E-2</id></identifier><attributes>
                            <attr name="ENTEleveINE"><value>130000092BA</value></attr>
                            <attr name="sn"><value>MARTEL</value></attr><attr name="givenName"><value>Eve</value></attr>
                            <attr name="ENTPersonDateNaissance"><value>01/03/2010</value></attr>
                            <attr name="ENTPersonStructRattach"><value>9999</value></attr>
                          </attributes></addRequest>
                        """));
        List<String> keys = List.of("admin.import.file.xml_malformed", "admin.import.file.xml_doctype",
                "admin.import.file.xml_doctype", "admin.import.file.format", "admin.import.row.formula",
                "admin.import.row.aaf_unknown_establishment");
        // each alone, as the next night's delta
        for (int i = 0; i < bad.size(); i++) {
            Path dir = Files.createDirectory(inbox.resolve("case" + i));
            String name = "ENT_CRETEIL_Delta_2027010" + (i + 1) + "_Eleve_0000.xml";
            write(dir, name, bad.get(i));
            failures.clear();
            AafInboxRun.Result result = run(dir);
            assertEquals(List.of(name), result.failed().stream().map(AafFeedFile::name).toList(), "case " + i);
            assertEquals(keys.get(i), failures.get(0).get(0).key(), "case " + i + ": " + failures.get(0));
            assertEquals(before, state(), "case " + i + ": nothing written");
        }
        assertTrue(records().keySet().containsAll(recordsBefore.keySet()));
    }

    @Test
    void twoNodesNeverClaimTheSameFile(@TempDir Path inbox) throws IOException {
        String name = "ENT_CRETEIL_Delta_20300101_Eleve_0000.xml";
        write(inbox, name, delta(""));
        List<AafInbox.Found> found = AafInbox.scan(inbox);
        TestPersistenceUnit.inTransaction(emf, em -> {
            AafFeedRecords.claim(em, found, "node-a", clock.instant());
            return null;
        });
        assertThrows(RuntimeException.class, () -> TestPersistenceUnit.inTransaction(emf, em -> {
            AafFeedRecords.claim(em, found, "node-b", clock.instant());
            return null;
        }));
        assertEquals("node-a", TestPersistenceUnit.inTransaction(emf, em -> em.createNamedQuery(AafFeedRecord.BY_NAME,
                AafFeedRecord.class).setParameter("name", name).getSingleResult().node()));
    }

    private static final String PAUL = "creteil:personnel:aaf-AAF-P-500001";
    private static final String NADIA = "creteil:personnel:aaf-AAF-P-500002";
    private static final String MARC = "creteil:personnel:aaf-AAF-P-500003";
    private static final String STAFF_DELTA = "ENT_CRETEIL_Delta_20261206_PersEducNat_0000.xml";

    @Test
    void aafStaffBecomeStaffAccountsWithTheirClassesAndPrincipalTeachersAndADeltaChangesExactlyThem(
            @TempDir Path inbox) throws IOException {
        for (String name : FULL) {
            drop(inbox, name);
        }
        assertEquals(4, run(inbox).imported().size());
        Map<String, String> afterFull = state();
        // accounts (PROVISIONAL staff, external id from the AAF id), staff here, their classes, principal teachers
        assertEquals("GARNIER Paul null null", afterFull.get(PAUL));
        assertEquals("BENSAÏD Nadia null null", afterFull.get(NADIA));
        assertEquals("LEROY Marc null null", afterFull.get(MARC));
        assertEquals(List.of(
                "role " + PAUL + " PRINCIPAL_TEACHER 2nde C", "role " + PAUL + " TEACHER 1re A",
                "role " + PAUL + " TEACHER 2nde C", "role " + PAUL + " TEACHER null",
                "role " + NADIA + " PRINCIPAL_TEACHER 1re A", "role " + NADIA + " TEACHER 1re A",
                "role " + NADIA + " TEACHER Terminale B", "role " + NADIA + " TEACHER null",
                "role " + MARC + " TEACHER null"),
                afterFull.keySet().stream().filter(k -> k.startsWith("role ")).toList());
        assertEquals("PROVISIONAL TEACHER", TestPersistenceUnit.inTransaction(emf, em -> {
            Object[] r = em.createQuery("select a.status, a.profile from Account a where a.externalId = :id",
                    Object[].class).setParameter("id", PAUL).getSingleResult();
            return r[0] + " " + r[1];
        }));

        // the staff delta: Nadia becomes principal teacher of Terminale B instead of 1re A, Marc leaves (his role
        // here removed, his account kept); nothing else changes
        drop(inbox, STAFF_DELTA);
        assertEquals(List.of(STAFF_DELTA), run(inbox).imported().stream().map(AafFeedFile::name).toList());
        Map<String, String> expected = new TreeMap<>(afterFull);
        expected.remove("role " + NADIA + " PRINCIPAL_TEACHER 1re A");
        expected.put("role " + NADIA + " PRINCIPAL_TEACHER Terminale B", "");
        expected.remove("role " + MARC + " TEACHER null");
        expected.put("entries", String.valueOf(Integer.parseInt(afterFull.get("entries")) - 1));
        assertEquals(expected, state());

        // the full feed again (Marc and Nadia's old class back): restores exactly the first state's roles
        AafFeedImport.Outcome replay = TestPersistenceUnit.inTransaction(emf, em -> new AafFeedImport(em,
                clock.instant(), today, year, AafFeedRecords.LIMITS, 2).run(inbox, FULL.stream()
                .map(n -> AafFeedFile.parse(n).orElseThrow()).sorted(AafFeedFile.ORDER).toList()));
        assertEquals(List.of(0, 0, 0, 0), List.of(replay.created(), replay.updated(), replay.links(), replay.ended()));
        assertEquals(afterFull, state());
    }

    @Test
    void aDeltaPlansOnlyThePersonsItNames(@TempDir Path inbox) throws IOException {
        for (String name : FULL) {
            drop(inbox, name);
        }
        assertEquals(4, run(inbox).imported().size());
        // a registry pupil enrolled at the lycée whom the feed does not list: a delta is not about them
        TestPersistenceUnit.inTransaction(emf, em -> {
            fr.ent.portal.account.entity.Account pupil = new fr.ent.portal.account.entity.Account("z.outside1", "Zoé",
                    "OUTSIDE", LocalDate.of(2010, 1, 1), fr.ent.portal.platform.Profile.PUPIL, clock.instant());
            pupil.linkToRegistry("creteil:eleve:130000099ZZ");
            em.persist(pupil);
            em.persist(new fr.ent.portal.schooling.entity.Enrollment(pupil, em.createNamedQuery(
                    fr.ent.portal.establishment.entity.Establishment.BY_UAI,
                    fr.ent.portal.establishment.entity.Establishment.class).setParameter("uai", "0771763Y")
                    .getSingleResult(), "2nde C", year));
            return null;
        });
        Map<String, String> before = state();

        // a representative renamed (found through the pupils her entry lists), a pupil added: only they change
        write(inbox, "ENT_CRETEIL_Delta_20261206_PersRelEleve_0000.xml", delta("""
                  <modifyRequest><identifier><id>AAF-R-400003</id></identifier><modifications>
                    <modification operation="replace"><attr name="sn"><value>KOUASSI-BLANC</value></attr></modification>
                  </modifications></modifyRequest>
                """));
        write(inbox, DELTA, delta(addPupil("AAF-E-300005", "130000005BE", "NOVAK", "Iris")));
        assertEquals(2, run(inbox).imported().size(), "both deltas of the day: " + failures);
        Map<String, String> expected = new TreeMap<>(before);
        expected.put("creteil:responsable:AAF-R-400003", "KOUASSI-BLANC Aya null aya.kouassi@example.org");
        expected.put("creteil:eleve:130000005BE", "NOVAK Iris 2010-03-01 null");
        expected.put("enrollment creteil:eleve:130000005BE", "2nde C ended null");
        expected.put("entries", String.valueOf(Integer.parseInt(before.get("entries")) + 1));
        assertEquals(expected, state(), "Zoé, absent from the feed, is still enrolled: the delta did not name her");

        // a duplicate national id: a new pupil with Margaux's INE under another AAF id is refused, nothing written
        write(inbox, "ENT_CRETEIL_Delta_20261207_Eleve_0000.xml",
                delta(addPupil("AAF-E-300077", "130000001BA", "DOUBLON", "Eve")));
        failures.clear();
        assertEquals(1, run(inbox).failed().size());
        assertEquals(List.of("admin.import.row.duplicate"), failures.get(0).stream().map(RowError::key).toList());
        assertEquals(expected, state());

        // a representative deleted while a pupil still names her: refused, naming the pupil's line
        Path other = Files.createDirectory(inbox.resolve("other"));
        write(other, "ENT_CRETEIL_Delta_20261208_PersRelEleve_0000.xml", delta("""
                  <deleteRequest><identifier><id>AAF-R-400003</id></identifier></deleteRequest>
                """));
        failures.clear();
        assertEquals(1, run(other).failed().size());
        assertEquals(List.of("admin.import.row.unknown_person"), failures.get(0).stream().map(RowError::key).toList());
        assertEquals(expected, state());
    }

    @Test
    void aFileLeftRunningByADeadNodeIsTakenAgainAfterTheConfiguredTime(@TempDir Path inbox) throws IOException {
        for (String name : FULL) {
            drop(inbox, name);
        }
        // a node claimed the full feed 3 hours ago and died while importing it (its batch rolled back: only the claims)
        Instant claimed = clock.instant().minus(java.time.Duration.ofHours(3));
        TestPersistenceUnit.inTransaction(emf, em -> {
            AafFeedRecords.claim(em, AafInbox.scan(inbox), "dead-node", claimed);
            return null;
        });
        Map<String, String> before = state();

        // within the configured time (stale after 4 h): the files wait, nobody takes them
        AafInboxRun.Result within = run(inbox, clock.instant().minus(java.time.Duration.ofHours(4)));
        assertEquals(List.of(), within.imported());
        assertEquals(4, within.waiting().size());
        assertEquals(before, state());
        assertEquals(List.of(AafFeedRecord.State.RUNNING), records().values().stream().distinct().toList());

        // past it (stale after 2 h): taken again by this node and imported once
        AafInboxRun.Result after = run(inbox, clock.instant().minus(java.time.Duration.ofHours(2)));
        assertEquals(4, after.imported().size());
        assertEquals(List.of(AafFeedRecord.State.IMPORTED), records().values().stream().distinct().toList());
        assertEquals(List.of("test"), TestPersistenceUnit.inTransaction(emf, em -> em.createQuery(
                "select distinct f.node from AafFeedRecord f", String.class).getResultList()));
        assertEquals("DELCOURT Margaux 2010-02-04 null", state().get("creteil:eleve:130000001BA"));
    }

    static String delta(String requests) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n" + requests + "</ficAlimMENESR>\n";
    }

    static String addPupil(String id, String ine, String last, String first) {
        return """
                  <addRequest>
                    <operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
                    <identifier><id>%s</id></identifier>
                    <attributes>
                      <attr name="ENTEleveINE"><value>%s</value></attr>
                      <attr name="sn"><value>%s</value></attr>
                      <attr name="givenName"><value>%s</value></attr>
                      <attr name="ENTPersonDateNaissance"><value>01/03/2010</value></attr>
                      <attr name="ENTPersonStructRattach"><value>4401</value></attr>
                      <attr name="ENTEleveClasses"><value>4401$2nde C</value></attr>
                    </attributes>
                  </addRequest>
                """.formatted(id, ine, last, first);
    }
}
