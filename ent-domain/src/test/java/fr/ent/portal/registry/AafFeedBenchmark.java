package fr.ent.portal.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import jakarta.persistence.EntityManagerFactory;

import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.registry.control.AafFeedFile;
import fr.ent.portal.registry.control.AafFeedImport;
import fr.ent.portal.registry.control.AafFeedRecords;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * AAF feed throughput (issue 25, item 5; not a test): generates a synthetic full feed of {@code bench.persons}
 * persons (default 100,000: 40 % pupils of the demo lycée, 60 % their legal representatives) as the académie's files,
 * then on H2 in memory with the demo data, the region inbox's path ({@link AafFeedImport}: the files streamed into the
 * feed's stored state, the lycée's records planned and written, one transaction); then a delta of {@code bench.delta}
 * requests (default 1,000: a third added, a third moved to another class, a third deleted) planned every establishment
 * whole (the first version's way: "before"), then another such delta as the inbox plans it now (only the persons it
 * names: "after"). Prints the times per phase, the heap used (sampled each second, and after collections), the peak
 * RSS and the load average. Run from {@code ent-domain}:
 * <pre>cd ent-domain &amp;&amp; mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=fr.ent.portal.registry.AafFeedBenchmark</pre>
 * On PostgreSQL (the database outside the heap): add {@code -Dbench.db.url=jdbc:postgresql://127.0.0.1:5432/aafbench}
 * (a database whose name contains "bench": it is emptied) and {@code MAVEN_OPTS=-Xmx512m}.
 */
public final class AafFeedBenchmark {

    private static final String[] FIRST = {"Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Jade", "Raphaël", "Inès",
            "Arthur", "Zoé", "Noé", "Manon", "Adam", "Lina", "Jules", "Maëlle", "Nathan", "Camille", "Théo"};
    private static final String[] LAST = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel"};
    private static final String[] LEVELS = {"2nde", "1re", "Terminale"};
    private static final String STRUCTURE = "4401";

    private AafFeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int persons = Integer.getInteger("bench.persons", 100_000);
        int deltaSize = Integer.getInteger("bench.delta", 1_000);
        int pupils = persons * 2 / 5;
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneId.of("Europe/Paris"));
        LocalDate today = LocalDate.now(clock);
        SchoolYear year = SchoolYear.current(clock);
        Path dir = Files.createTempDirectory(Path.of("target"), "aaf-bench");
        generateFull(dir, pupils, new Random(42));
        // two deltas of the same shape on different pupils: the first planned the first version's way (every
        // establishment whole: "before"), the second as the inbox does now (only the persons it names: "after")
        generateDelta(dir, "20261206", pupils, deltaSize, 0, new Random(7));
        generateDelta(dir, "20261207", pupils, deltaSize, 1, new Random(8));
        System.out.printf(Locale.ROOT, "JDK %s, %d processors, max heap %d MiB; %d persons (%d pupils), delta %d%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                persons, pupils, deltaSize);
        System.out.println("load average at the start: " + loadAverage());

        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        EntityManagerFactory emf = database();
        try {
            PasswordHashing hashing = new PasswordHashing(1024, 1, 1, 2);
            TestPersistenceUnit.inTransaction(emf, em -> new DemoDataSet(em, hashing, clock).loadIfAbsent());
            // the region inbox's path: each file streamed into the stored state (aaf_feed_entry, flushed and cleared
            // every 500), then the lycée planned and written, all in one transaction per batch (AafFeedImport)
            List<AafFeedFile> full = List.of("EtabEducNat", "Eleve", "PersRelEleve").stream()
                    .map(t -> AafFeedFile.parse("ENT_BENCH_Complet_20261205_" + t + "_0000.xml").orElseThrow())
                    .sorted(AafFeedFile.ORDER).toList();
            long t0 = System.nanoTime();
            AafFeedImport.Outcome first = importBatch(emf, dir, full, today, year, clock, false);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "full: read+plan+write %6.1f s  %s  (created %d, links %d; heap used after %d MiB)%n",
                    seconds(t0, t1), phases(first), first.created(), first.links(), used());
            for (String[] run : new String[][] {{"20261206", "before (every establishment planned whole)"},
                    {"20261207", "after (only the persons the delta names)"}}) {
                long t3 = System.nanoTime();
                AafFeedImport.Outcome delta = importBatch(emf, dir, List.of(AafFeedFile.parse(
                        "ENT_BENCH_Delta_" + run[0] + "_Eleve_0000.xml").orElseThrow()), today, year, clock,
                        run[0].equals("20261206"));
                long t4 = System.nanoTime();
                System.out.printf(Locale.ROOT, "delta %s: read+plan+write %6.1f s  %s  (created %d, updated %d, ended %d;"
                                + " heap used after %d MiB)%n", run[1], seconds(t3, t4), phases(delta), delta.created(),
                        delta.updated(), delta.ended(), used());
            }
            System.out.printf(Locale.ROOT, "peak heap used (sampled each second) %d MiB; heap after the last collection"
                    + " of each pool, at most %d MiB; peak RSS (VmHWM) %s%n", peak.get(), afterCollections(), peakRss());
            System.out.println("load average at the end: " + loadAverage());
        } finally {
            emf.close();
        }
    }

    /**
     * H2 in memory by default (the database then shares the benchmark's heap); with {@code -Dbench.db.url} a
     * PostgreSQL database whose name contains "bench", emptied (schema {@code public} dropped) and migrated, so that
     * {@code -Xmx512m} measures the import's own memory. User {@code bench.db.user} (default postgres).
     */
    private static EntityManagerFactory database() {
        String url = System.getProperty("bench.db.url", "").strip();
        if (url.isEmpty()) {
            return TestPersistenceUnit.migratedH2("aaf-benchmark");
        }
        if (!url.startsWith("jdbc:postgresql:") || !url.substring(url.lastIndexOf('/') + 1).contains("bench")) {
            throw new IllegalArgumentException("bench.db.url: a PostgreSQL database whose name contains \"bench\" (it is emptied)");
        }
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(System.getProperty("bench.db.user", "postgres"));
        try (java.sql.Connection c = pg.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("drop schema if exists public cascade");
            st.execute("create schema public");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot empty " + url, e);
        }
        org.flywaydb.core.Flyway.configure().dataSource(pg).locations("classpath:db/migration").load().migrate();
        System.out.println("database: " + url);
        return TestPersistenceUnit.entityManagerFactory(pg);
    }

    private static String phases(AafFeedImport.Outcome outcome) {
        return String.format(Locale.ROOT, "[read %.1f s, plan %.1f s, write %.1f s]", outcome.readMillis() / 1000.0,
                outcome.planMillis() / 1000.0, outcome.writeMillis() / 1000.0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).strip()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The largest heap in use just after a collection (the live set, garbage aside), summed over the heap pools. */
    private static long afterCollections() {
        long total = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                total += pool.getCollectionUsage().getUsed();
            }
        }
        return total >> 20;
    }

    private static AafFeedImport.Outcome importBatch(EntityManagerFactory emf, Path dir, List<AafFeedFile> files,
                                                     LocalDate today, SchoolYear year, Clock clock, boolean everything) {
        try {
            return TestPersistenceUnit.inTransaction(emf, em -> {
                AafFeedImport run = new AafFeedImport(em, clock.instant(), today, year, AafFeedRecords.LIMITS, 500);
                return (everything ? run.planningEverything() : run).run(dir, files);
            });
        } catch (fr.ent.portal.registry.control.AafFeedRefused refused) {
            System.out.println("refused: " + refused.errors().subList(0, Math.min(10, refused.errors().size())));
            throw refused;
        }
    }

    private static void generateFull(Path dir, int pupils, Random random) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("ENT_BENCH_Complet_20261205_EtabEducNat_0000.xml"))) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n" + request("add", STRUCTURE, "EtabEducNat",
                    attr("ENTStructureUAI", DemoDataSet.LYCEE_UAI)) + "</ficAlimMENESR>\n");
        }
        try (Writer eleves = Files.newBufferedWriter(dir.resolve("ENT_BENCH_Complet_20261205_Eleve_0000.xml"), StandardCharsets.UTF_8);
             Writer parents = Files.newBufferedWriter(dir.resolve("ENT_BENCH_Complet_20261205_PersRelEleve_0000.xml"),
                     StandardCharsets.UTF_8)) {
            eleves.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n");
            parents.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n");
            for (int i = 1; i <= pupils; i++) {
                String last = LAST[random.nextInt(LAST.length)];
                // 3 representatives for 2 pupils: one pupil in two has two
                String r1 = "R" + i + "A";
                parents.write(request("add", r1, "PersRelEleve", attr("sn", last) + attr("givenName", first(random))
                        + attr("mail", "p" + i + "@example.org")));
                String rels = attr("ENTElevePersRelEleve", r1 + "$20$1$1$1$0");
                if (i % 2 == 0) {
                    String r2 = "R" + i + "B";
                    parents.write(request("add", r2, "PersRelEleve", attr("sn", last) + attr("givenName", first(random))));
                    rels = "<attr name=\"ENTElevePersRelEleve\"><value>" + r1 + "$20$1$1$1$0</value><value>" + r2
                            + "$10$1$1$1$0</value></attr>";
                }
                eleves.write(request("add", "E" + i, "Eleve", pupil(i, last, random) + rels));
            }
            eleves.write("</ficAlimMENESR>\n");
            parents.write("</ficAlimMENESR>\n");
        }
    }

    /** A third added, a third moved to another class, a third deleted; {@code shift} 0 or 1: other pupils each. */
    private static void generateDelta(Path dir, String date, int pupils, int size, int shift, Random random)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("ENT_BENCH_Delta_" + date + "_Eleve_0000.xml"),
                StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n");
            for (int k = 0; k < size; k++) {
                int i = 1 + shift + k * 3;
                int added = pupils + shift * size + k + 1;
                switch (k % 3) {
                    case 0 -> w.write(request("add", "E" + added, "Eleve", pupil(added,
                            LAST[random.nextInt(LAST.length)], random)));
                    case 1 -> w.write("<modifyRequest><identifier><id>E" + i + "</id></identifier><modifications>"
                            + "<modification operation=\"replace\">" + attr("ENTEleveClasses", STRUCTURE + "$Terminale 13")
                            + "</modification></modifications></modifyRequest>\n");
                    default -> w.write("<deleteRequest><identifier><id>E" + i + "</id></identifier></deleteRequest>\n");
                }
            }
            w.write("</ficAlimMENESR>\n");
        }
    }

    private static String pupil(int i, String last, Random random) {
        int level = random.nextInt(3);
        LocalDate birth = LocalDate.of(2010 - level, 1, 1).plusDays(random.nextInt(365));
        return attr("ENTEleveINE", String.format(Locale.ROOT, "%09dBZ", i)) + attr("sn", last)
                + attr("givenName", first(random))
                + attr("ENTPersonDateNaissance", String.format(Locale.ROOT, "%02d/%02d/%d", birth.getDayOfMonth(),
                        birth.getMonthValue(), birth.getYear()))
                + attr("ENTPersonStructRattach", STRUCTURE)
                + attr("ENTEleveClasses", STRUCTURE + "$" + LEVELS[level] + " " + (1 + random.nextInt(12)));
    }

    private static String first(Random random) {
        return FIRST[random.nextInt(FIRST.length)];
    }

    private static String request(String op, String id, String category, String attributes) {
        return "<" + op + "Request><operationalAttributes><attr name=\"categoriePersonne\"><value>" + category
                + "</value></attr></operationalAttributes><identifier><id>" + id + "</id></identifier><attributes>"
                + attributes + "</attributes></" + op + "Request>\n";
    }

    private static String attr(String name, String value) {
        return "<attr name=\"" + name + "\"><value>" + value + "</value></attr>";
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    private static double seconds(long from, long to) {
        return Duration.ofNanos(to - from).toMillis() / 1000.0;
    }
}
