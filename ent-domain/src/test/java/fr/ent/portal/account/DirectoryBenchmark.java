package fr.ent.portal.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;

import fr.ent.portal.admin.control.DirectoryFilter;
import fr.ent.portal.admin.control.DirectoryQuery;
import fr.ent.portal.admin.control.DirectorySort;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The account directory's page times (not a test): seeds 100,000 accounts (100 establishments of 600 pupils in 20
 * classes, 380 legal representatives and 20 staff each; half the pupils also enrolled last school year) on H2 in
 * memory and on PostgreSQL, then times what {@code AccountDirectory} does for one page of 25 rows (the capped count,
 * the page, the pupils' classes) for each filter and sort, for the region, a school admin and a principal teacher.
 * Each case: 5 warm-up runs, then the median and the slowest of 20, each in its own transaction.
 * <p>
 * PostgreSQL: {@code -Dbench.pg.url=jdbc:postgresql://127.0.0.1:5432/test} (user {@code bench.pg.user}, default
 * postgres); the benchmark works in its own schema {@code bench_accounts}, dropped and created again (never the
 * database's other schemas). Without the property, H2 only. {@code -Dbench.accounts=N} changes the size (a multiple of
 * 1,000). Run from {@code ent-domain} after {@code mvn test-compile}:
 * <pre>cd ent-domain &amp;&amp; mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.ent.portal.account.DirectoryBenchmark -Dbench.pg.url=jdbc:postgresql://127.0.0.1:5432/test</pre>
 */
public final class DirectoryBenchmark {

    private static final String[] FIRST = {"lea", "hugo", "chloe", "louis", "emma", "gabriel", "jade", "raphael",
            "ines", "arthur", "zoe", "noe", "manon", "adam", "lina", "jules", "maelle", "nathan", "camille", "theo"};
    private static final String[] LAST = {"martin", "bernard", "thomas", "petit", "robert", "richard", "durand",
            "dubois", "moreau", "laurent", "simon", "michel", "lefevre", "leroy", "roux", "david", "bertrand", "morel",
            "fournier", "girard", "bonnet", "dupont", "lambert", "fontaine", "rousseau", "vincent", "muller", "faure",
            "andre", "mercier", "blanc", "guerin", "boyer", "garnier", "chevalier", "francois", "legrand", "gauthier",
            "garcia", "perrin", "robin", "clement", "morin", "nicolas", "henry", "roussel", "mathieu", "gautier",
            "masson", "marchand", "duval", "denis", "dumont", "marie", "lemaire", "noel", "meyer", "dufour", "meunier",
            "brun", "blanchard", "giraud", "joly", "riviere", "lucas", "brunet", "gaillard", "barbier", "arnaud",
            "zidane", "yilmaz", "nguyen", "traore", "diallo", "benali", "kowalski", "schmitt", "weber", "wagner"};
    private static final int PUPILS = 600;
    private static final int REPRESENTATIVES = 380;
    private static final int STAFF = 20;
    private static final List<String> DIVISIONS = divisions();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));
    private static final SchoolYear YEAR = SchoolYear.current(CLOCK);
    private static final LocalDate TODAY = LocalDate.now(CLOCK);
    private static final long BASE_ID = 1_000_000;
    /** {@code -Dbench.shape=SUBQUERIES} measures the other shape of the scope and class restriction. */
    private static final DirectoryQuery.Shape SHAPE =
            DirectoryQuery.Shape.valueOf(System.getProperty("bench.shape", "IDS_FIRST"));

    private DirectoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = Integer.getInteger("bench.accounts", 100_000);
        System.out.printf(Locale.ROOT, "JDK %s, %d processors, max heap %d MiB; %,d accounts; shape %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                accounts, SHAPE);
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:directory-benchmark;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        h2.setPassword("");
        run("H2 " + org.h2.engine.Constants.VERSION, h2, null, accounts);
        String pgUrl = System.getProperty("bench.pg.url");
        if (pgUrl != null) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(pgUrl);
            pg.setUser(System.getProperty("bench.pg.user", "postgres"));
            pg.setPassword(System.getProperty("bench.pg.password", ""));
            pg.setCurrentSchema("bench_accounts");
            pg.setReWriteBatchedInserts(true);
            try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop schema if exists bench_accounts cascade");
                s.execute("create schema bench_accounts");
                System.out.println();
                run("PostgreSQL " + c.getMetaData().getDatabaseProductVersion(), pg, "bench_accounts", accounts);
            }
        }
    }

    private static void run(String database, DataSource dataSource, String schema, int accounts) throws SQLException {
        org.flywaydb.core.api.configuration.FluentConfiguration flyway = org.flywaydb.core.Flyway.configure()
                .dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        long t0 = System.nanoTime();
        int establishments = accounts / (PUPILS + REPRESENTATIVES + STAFF);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            seed(c, establishments, new Random(42));
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            c.commit();
        }
        System.out.printf(Locale.ROOT, "%s: seeded %,d accounts in %d establishments in %.1f s%n", database,
                establishments * (PUPILS + REPRESENTATIVES + STAFF), establishments, (System.nanoTime() - t0) / 1e9);
        Map<String, Object> extra = schema == null ? Map.of() : Map.of("hibernate.default_schema", schema);
        EntityManagerFactory emf = TestPersistenceUnit.entityManagerFactory(dataSource, extra);
        try {
            long school = BASE_ID + 1; // the second establishment
            AdminScope region = AdminScope.region(1, "r.admin1");
            AdminScope admin = new AdminScope(2, "a.moreau1", false, Set.of(school), Set.of());
            AdminScope teacher = new AdminScope(3, "p.petit1", false, Set.of(),
                    Set.of(new AdminScope.Division(school, "2nde 3")));
            System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s %8s%n", "case (25 rows a page)", "matches", "median",
                    "slowest", "page ms");
            Map<String, Case> cases = new LinkedHashMap<>();
            cases.put("region, no filter, by name", new Case(region, DirectoryFilter.NONE, DirectorySort.NAME, false, 0));
            cases.put("region, no filter, by name descending", new Case(region, DirectoryFilter.NONE, DirectorySort.NAME, true, 0));
            cases.put("region, no filter, by name, page 40", new Case(region, DirectoryFilter.NONE, DirectorySort.NAME, false, 975));
            cases.put("region, no filter, by identifier", new Case(region, DirectoryFilter.NONE, DirectorySort.IDENTIFIER, false, 0));
            cases.put("region, no filter, by profile", new Case(region, DirectoryFilter.NONE, DirectorySort.PROFILE, false, 0));
            cases.put("region, no filter, by status", new Case(region, DirectoryFilter.NONE, DirectorySort.STATUS, true, 0));
            cases.put("region, name 'dup'", new Case(region, filter("dup", null, null, null, null), DirectorySort.NAME, false, 0));
            cases.put("region, name 'zid' (rare)", new Case(region, filter("zidane", null, null, null, null), DirectorySort.NAME, false, 0));
            cases.put("region, identifier 'l.martin1'", new Case(region, filter(null, "l.martin1", null, null, null), DirectorySort.IDENTIFIER, false, 0));
            cases.put("region, identifier 'x' (none)", new Case(region, filter(null, "x", null, null, null), DirectorySort.NAME, false, 0));
            cases.put("region, class '2nde 3'", new Case(region, filter(null, null, "2nde 3", null, null), DirectorySort.NAME, false, 0));
            cases.put("region, class '2nde 3', by status", new Case(region, filter(null, null, "2nde 3", null, null), DirectorySort.STATUS, false, 0));
            cases.put("region, class '2nde 3' + name 'm'", new Case(region, filter("m", null, "2nde 3", null, null), DirectorySort.NAME, false, 0));
            cases.put("region, profile TEACHER", new Case(region, filter(null, null, null, Profile.TEACHER, null), DirectorySort.NAME, false, 0));
            cases.put("region, status DISABLED", new Case(region, filter(null, null, null, null, AccountStatus.DISABLED), DirectorySort.NAME, false, 0));
            cases.put("region, profile PUPIL + status PROVISIONAL", new Case(region, filter(null, null, null, Profile.PUPIL, AccountStatus.PROVISIONAL), DirectorySort.NAME, false, 0));
            cases.put("school admin, no filter, by name", new Case(admin, DirectoryFilter.NONE, DirectorySort.NAME, false, 0));
            cases.put("school admin, no filter, by identifier", new Case(admin, DirectoryFilter.NONE, DirectorySort.IDENTIFIER, false, 0));
            cases.put("school admin, no filter, by status, page 20", new Case(admin, DirectoryFilter.NONE, DirectorySort.STATUS, false, 475));
            cases.put("school admin, name 'dup'", new Case(admin, filter("dup", null, null, null, null), DirectorySort.NAME, false, 0));
            cases.put("school admin, identifier 'h.'", new Case(admin, filter(null, "h.", null, null, null), DirectorySort.NAME, false, 0));
            cases.put("school admin, class '2nde 3'", new Case(admin, filter(null, null, "2nde 3", null, null), DirectorySort.NAME, false, 0));
            cases.put("school admin, profile LEGAL_REPRESENTATIVE", new Case(admin, filter(null, null, null, Profile.LEGAL_REPRESENTATIVE, null), DirectorySort.NAME, false, 0));
            cases.put("school admin, status DISABLED", new Case(admin, filter(null, null, null, null, AccountStatus.DISABLED), DirectorySort.NAME, false, 0));
            cases.put("principal teacher, no filter, by name", new Case(teacher, DirectoryFilter.NONE, DirectorySort.NAME, false, 0));
            cases.put("principal teacher, name 'm', by profile", new Case(teacher, filter("m", null, null, null, null), DirectorySort.PROFILE, false, 0));
            cases.put("principal teacher, class '2nde 3'", new Case(teacher, filter(null, null, "2nde 3", null, null), DirectorySort.NAME, false, 0));
            String only = System.getProperty("bench.only", "");
            for (Map.Entry<String, Case> entry : cases.entrySet()) {
                if (entry.getKey().contains(only)) {
                    time(emf, entry.getKey(), entry.getValue());
                }
            }
        } finally {
            emf.close();
        }
    }

    private record Case(AdminScope scope, DirectoryFilter filter, DirectorySort sort, boolean descending, int first) {
    }

    private static DirectoryFilter filter(String name, String identifier, String division, Profile profile,
                                          AccountStatus status) {
        return new DirectoryFilter(name, identifier, division, profile, status);
    }

    /** A page as the boundary serves it: the capped count (when the filters change), the page, its pupils' classes. */
    private static void time(EntityManagerFactory emf, String name, Case c) {
        int[] matches = new int[1];
        int runs = Integer.getInteger("bench.runs", 20);
        long[] pageNanos = new long[runs];
        long[] all = new long[runs];
        for (int run = -Math.min(5, runs); run < runs; run++) {
            long start = System.nanoTime();
            long[] afterCount = new long[1];
            TestPersistenceUnit.inTransaction(emf, em -> {
                DirectoryQuery query = DirectoryQuery.of(c.scope(), c.filter(), YEAR, TODAY, SHAPE);
                matches[0] = query.countUpTo(em, 1000);
                afterCount[0] = System.nanoTime();
                List<Object[]> rows = query.page(em, c.sort(), c.descending(), c.first(), 25).getResultList();
                List<Long> pupils = rows.stream().filter(r -> r[4] == Profile.PUPIL).map(r -> (Long) r[0]).toList();
                return DirectoryQuery.classesOf(em, pupils, YEAR, TODAY).size();
            });
            long end = System.nanoTime();
            if (run >= 0) {
                all[run] = end - start;
                pageNanos[run] = end - afterCount[0];
            }
        }
        Arrays.sort(all);
        Arrays.sort(pageNanos);
        System.out.printf(Locale.ROOT, "%-58s %8s %8.1f %8.1f %8.1f%n", name,
                matches[0] > 1000 ? ">1000" : String.valueOf(matches[0]), (all[(runs - 1) / 2] + all[runs / 2]) / 2e6,
                all[runs - 1] / 1e6, (pageNanos[(runs - 1) / 2] + pageNanos[runs / 2]) / 2e6);
    }

    // ---- data --------------------------------------------------------------------------------------------

    private static List<String> divisions() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            names.add("2nde " + i);
            names.add("1re " + i);
        }
        for (int i = 1; i <= 6; i++) {
            names.add("Terminale " + i);
        }
        return List.copyOf(names);
    }

    private static void seed(Connection c, int establishments, Random random) throws SQLException {
        OffsetDateTime created = OffsetDateTime.of(2026, 8, 25, 8, 0, 0, 0, ZoneOffset.UTC);
        long accountId = BASE_ID;
        long enrollmentId = BASE_ID;
        long responsibilityId = BASE_ID;
        long assignmentId = BASE_ID;
        try (PreparedStatement establishment = c.prepareStatement("insert into establishment (id, version, uai,"
                + " name, kind, academie, city) values (?, 0, ?, ?, 'LYCEE', 'Académie de test', 'Ville')");
             PreparedStatement account = c.prepareStatement("insert into account (id, version, identifier, first_name,"
                     + " last_name, birth_date, profile, status, created_at, last_sign_in_at)"
                     + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement enrollment = c.prepareStatement("insert into enrollment (id, version, pupil_id,"
                     + " establishment_id, division, school_year, end_date) values (?, 0, ?, ?, ?, ?, ?)");
             PreparedStatement responsibility = c.prepareStatement("insert into responsibility (id, version,"
                     + " representative_id, pupil_id, declared_at, attached_at, attachment_failure_count)"
                     + " values (?, 0, ?, ?, ?, ?, 0)");
             PreparedStatement assignment = c.prepareStatement("insert into assignment (id, version, staff_id,"
                     + " establishment_id, role, division, school_year) values (?, 0, ?, ?, ?, ?, ?)")) {
            for (int e = 0; e < establishments; e++) {
                long establishmentId = BASE_ID + e;
                establishment.setLong(1, establishmentId);
                establishment.setString(2, String.format(Locale.ROOT, "%07dB", 9_000_000 + e).substring(0, 8));
                establishment.setString(3, "Lycée de test " + e);
                establishment.executeUpdate();
                long firstRepresentative = accountId + PUPILS;
                for (int p = 0; p < PUPILS; p++) {
                    long id = accountId++;
                    addAccount(account, id, Profile.PUPIL, random, created, LocalDate.of(2010, 1, 1).plusDays(random.nextInt(1000)));
                    String division = DIVISIONS.get(p % DIVISIONS.size());
                    addEnrollment(enrollment, enrollmentId++, id, establishmentId, division, YEAR.startYear(),
                            random.nextInt(50) == 0 ? TODAY.minusDays(20) : null);
                    if (random.nextBoolean()) {
                        addEnrollment(enrollment, enrollmentId++, id, establishmentId,
                                DIVISIONS.get(random.nextInt(DIVISIONS.size())), YEAR.startYear() - 1, null);
                    }
                    long[] representatives = random.nextInt(10) < 3
                            ? new long[] {firstRepresentative + p % REPRESENTATIVES, firstRepresentative + (p * 7 + 3) % REPRESENTATIVES}
                            : new long[] {firstRepresentative + p % REPRESENTATIVES};
                    for (long representative : Arrays.stream(representatives).distinct().toArray()) {
                        responsibility.setLong(1, responsibilityId++);
                        responsibility.setLong(2, representative);
                        responsibility.setLong(3, id);
                        responsibility.setObject(4, created);
                        responsibility.setObject(5, random.nextBoolean() ? created.plusDays(3) : null);
                        responsibility.addBatch();
                    }
                }
                for (int r = 0; r < REPRESENTATIVES; r++) {
                    addAccount(account, accountId++, Profile.LEGAL_REPRESENTATIVE, random, created, null);
                }
                for (int s = 0; s < STAFF; s++) {
                    long id = accountId++;
                    addAccount(account, id, s == 0 ? Profile.SCHOOL_ADMIN : Profile.TEACHER, random, created, null);
                    assignment.setLong(1, assignmentId++);
                    assignment.setLong(2, id);
                    assignment.setLong(3, establishmentId);
                    assignment.setString(4, s == 0 ? "SCHOOL_ADMIN" : "PRINCIPAL_TEACHER");
                    assignment.setString(5, s == 0 ? null : DIVISIONS.get(s - 1));
                    assignment.setInt(6, YEAR.startYear());
                    assignment.addBatch();
                }
                account.executeBatch();
                enrollment.executeBatch();
                responsibility.executeBatch();
                assignment.executeBatch();
            }
        }
    }

    private static void addAccount(PreparedStatement account, long id, Profile profile, Random random,
                                   OffsetDateTime created, LocalDate birthDate) throws SQLException {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        int roll = random.nextInt(100);
        AccountStatus status = roll < 2 ? AccountStatus.DISABLED : roll < 30 ? AccountStatus.PROVISIONAL : AccountStatus.ACTIVE;
        account.setLong(1, id);
        account.setString(2, first.charAt(0) + "." + last + id);
        account.setString(3, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        account.setString(4, Character.toUpperCase(last.charAt(0)) + last.substring(1));
        account.setObject(5, birthDate);
        account.setString(6, profile.name());
        account.setString(7, status.name());
        account.setObject(8, created);
        account.setObject(9, status == AccountStatus.ACTIVE ? created.plusDays(random.nextInt(80)) : null);
        account.addBatch();
    }

    private static void addEnrollment(PreparedStatement enrollment, long id, long pupil, long establishment,
                                      String division, int year, LocalDate end) throws SQLException {
        enrollment.setLong(1, id);
        enrollment.setLong(2, pupil);
        enrollment.setLong(3, establishment);
        enrollment.setString(4, division);
        enrollment.setInt(5, year);
        enrollment.setObject(6, end);
        enrollment.addBatch();
    }
}
