package fr.ent.portal.registry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

import jakarta.persistence.EntityManagerFactory;

import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.ImportProgress;
import fr.ent.portal.registry.control.ImportRun;
import fr.ent.portal.registry.control.ImportWriter;
import fr.ent.portal.registry.control.RegistryFile;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Registry import throughput (not a test): generates a 20,000-row export of the demo lycée (1 or 2 representatives a
 * pupil, one family in five with two children), then on H2 in memory with the demo data and the same steps as the
 * {@code RegistryImports} boundary: preview (read + plan), import (write in one transaction, flush every 500 rows),
 * and the preview of the same file again (everything unchanged). {@code -Dbench.rows=N} changes the size. Run from
 * {@code ent-domain} (the test persistence unit scans {@code target/classes}):
 * <pre>cd ent-domain &amp;&amp; mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=fr.ent.portal.registry.ImportBenchmark</pre>
 */
public final class ImportBenchmark {

    private static final String[] FIRST = {"Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Jade", "Raphaël", "Inès",
            "Arthur", "Zoé", "Noé", "Manon", "Adam", "Lina", "Jules", "Maëlle", "Nathan", "Camille", "Théo", "Sarah",
            "Yanis", "Clémence", "Léo", "Alice", "Ethan", "Lou", "Sacha", "Rose", "Timéo"};
    private static final String[] LAST = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
            "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
            "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure",
            "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
            "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier",
            "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
            "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud"};
    private static final String[] LEVELS = {"2nde", "1re", "Terminale"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) {
        int rows = Integer.getInteger("bench.rows", 20_000);
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));
        LocalDate today = LocalDate.now(clock);
        SchoolYear year = SchoolYear.current(clock);
        byte[] file = generate(rows, new Random(42));
        System.out.printf(Locale.ROOT, "JDK %s, %d processors, max heap %d MiB; %d rows, %.1f MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, rows,
                file.length / 1048576.0);

        EntityManagerFactory emf = TestPersistenceUnit.migratedH2("import-benchmark");
        try {
            PasswordHashing hashing = new PasswordHashing(1024, 1, 1, 2);
            TestPersistenceUnit.inTransaction(emf, em -> new DemoDataSet(em, hashing, clock).loadIfAbsent());

            long t0 = System.nanoTime();
            ImportPlan plan = preview(emf, file, today, year);
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "preview:         %6.1f s  (create %d, links %d, errors %d)%n", seconds(t0, t1),
                    plan.toCreate(), plan.links().size(), plan.errors().size());

            ImportWriter.Written written = TestPersistenceUnit.inTransaction(emf, em -> new ImportWriter(em,
                    clock.instant(), today, year, lycee(em).id(), 500).write(plan, new ImportProgress()));
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "import:          %6.1f s  (created %d, links %d)%n", seconds(t1, t2),
                    written.created(), written.links());
            System.out.printf(Locale.ROOT, "preview+import:  %6.1f s%n", seconds(t0, t2));

            ImportPlan again = preview(emf, file, today, year);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "re-preview:      %6.1f s  (create %d, update %d, unchanged %d)%n",
                    seconds(t2, t3), again.toCreate(), again.toUpdate(), again.unchanged());
        } finally {
            emf.close();
        }
    }

    private static ImportPlan preview(EntityManagerFactory emf, byte[] file, LocalDate today, SchoolYear year) {
        return TestPersistenceUnit.inTransaction(emf, em -> {
            Establishment lycee = lycee(em);
            RegistryFile parsed = ImportRun.read(file, lycee, today, 64L << 20, 1_000_000);
            return ImportRun.plan(em, lycee, parsed, today, year);
        });
    }

    private static Establishment lycee(jakarta.persistence.EntityManager em) {
        return em.createNamedQuery(Establishment.BY_UAI, Establishment.class).setParameter("uai", DemoDataSet.LYCEE_UAI)
                .getSingleResult();
    }

    /** A registry export of {@code rows} pupils: 1 or 2 representatives each, a family in five with a second child. */
    static byte[] generate(int rows, Random random) {
        StringBuilder csv = new StringBuilder("Identifiant élève;Nom;Prénom;Date de naissance;Division;"
                + "Identifiant responsable 1;Nom responsable 1;Prénom responsable 1;Courriel responsable 1;"
                + "Identifiant responsable 2;Nom responsable 2;Prénom responsable 2;Courriel responsable 2\n");
        int family = 0;
        String[] previous = null;
        for (int i = 1; i <= rows; i++) {
            String[] reps;
            String last;
            if (previous != null && random.nextInt(5) == 0) {
                reps = previous; // a sibling: same representatives
                last = previous[1];
                previous = null;
            } else {
                family++;
                last = LAST[random.nextInt(LAST.length)];
                reps = new String[] {"R" + family + "A", last, FIRST[random.nextInt(FIRST.length)],
                        random.nextBoolean() ? "parent" + family + "@example.org" : "",
                        random.nextInt(3) == 0 ? "" : "R" + family + "B", last, FIRST[random.nextInt(FIRST.length)], ""};
                previous = reps;
            }
            int level = random.nextInt(3);
            LocalDate birth = LocalDate.of(2010 - level, 1, 1).plusDays(random.nextInt(365));
            csv.append(100000 + i).append(';').append(last).append(';').append(FIRST[random.nextInt(FIRST.length)])
                    .append(';').append(String.format(Locale.ROOT, "%02d/%02d/%d", birth.getDayOfMonth(),
                            birth.getMonthValue(), birth.getYear()))
                    .append(';').append(LEVELS[level]).append(' ').append(1 + random.nextInt(12))
                    .append(';').append(reps[0]).append(';').append(reps[1]).append(';').append(reps[2]).append(';')
                    .append(reps[3]).append(';').append(reps[4]).append(';').append(reps[4].isEmpty() ? "" : reps[5])
                    .append(';').append(reps[4].isEmpty() ? "" : reps[6]).append(";\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double seconds(long from, long to) {
        return Duration.ofNanos(to - from).toMillis() / 1000.0;
    }
}
