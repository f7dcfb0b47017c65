package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault drill (issue 10): the database goes away for 30 s under a steady load (password sign-ins, pages of a signed-in
 * session, password-reset requests, first connections), then comes back. The portal reaches PostgreSQL through a
 * {@link TcpProxy} of this JVM: the cut closes every open connection and refuses new ones, as a stopped server does.
 * <p>
 * Checks: requests fail only while the database is away (every failing request overlaps the cut); each failure is a
 * clear 503 page in the person's language, never a stack trace; readiness turns DOWN during the cut and UP again by
 * itself; nothing half-written: a first connection posted during the cut left its account untouched (and completes
 * after), and every account row has what its transaction wrote with it (JDBC). Figures in
 * {@code target/security-db-drill.txt}. PostgreSQL only, in the {@code drills} profile.
 */
@Order(2)
@ExtendWith(Portal.class)
class DatabaseOutageDrill {

    private static final Duration CUT = Duration.ofSeconds(30);
    private static final Duration BEFORE = Duration.ofSeconds(8);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(10);
    private static final String UNAVAILABLE = "momentanément indisponible";
    private static final String PASSWORD = "Panne#Base2026x";

    /** One request of the load: when it started and ended (ms since the drill began), and how it went. */
    record Sample(String what, long start, long end, int status, boolean ok, boolean clearPage) {
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final List<long[]> readiness = new CopyOnWriteArrayList<>(); // {ms, status}
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long t0 = System.currentTimeMillis();

    @BeforeAll
    static void needsPostgres() {
        Assumptions.assumeTrue(Portal.databaseProxy() != null, "DatabaseOutageDrill needs PostgreSQL and the drills profile"
                + " (mvn verify -Pdrills -Dent.test.db.url=jdbc:postgresql://…): its portal reaches the database through"
                + " a proxy the drill cuts; the embedded H2 file cannot be taken away from its process");
    }

    @Test
    void theDatabaseGoesAwayFor30sUnderLoadAndThePortalRecoversByItself() throws Exception {
        TcpProxy database = Portal.databaseProxy();
        firstConnection("e.renaud1", "DEMO4-RENAUD", "e.renaud@example.org"); // before: the ordinary path
        Http durand = new Http();
        Map<String, String> durandForm = firstConnectionForm(durand, "c.durand1", "DEMO2-PARENT", "c.durand@example.org");
        Http moreau = new Http();
        assertEquals(302, moreau.post("/login", Http.loginForm(moreau.get("/login").body(), "a.moreau1",
                "Registre#Lycee2026")).statusCode());

        ExecutorService load = Executors.newFixedThreadPool(4);
        load.submit(() -> loop("sign-in", this::signIn));
        load.submit(() -> loop("account page", http -> moreau.get("/account"), r -> r.statusCode() == 200
                && r.body().contains("a.moreau1")));
        load.submit(() -> loop("reset request", http -> MailOutageDrill.askForReset("s.bernard1"),
                MailOutageDrill::takenIn));
        load.submit(this::probeReadiness);

        Thread.sleep(BEFORE.toMillis());
        long cutAt = now();
        database.cut();
        Thread.sleep(3_000);
        HttpResponse<String> durandDuringCut = durand.post("/first-connection", durandForm);
        Thread.sleep(CUT.toMillis() - 3_000);
        long restoredAt = now();
        database.restore();
        long upAt = awaitReadiness(restoredAt);
        Thread.sleep(AFTER_RECOVERY.toMillis());
        running.set(false);
        load.shutdown();
        assertTrue(load.awaitTermination(2, TimeUnit.MINUTES));

        firstConnection("c.durand1", "DEMO2-PARENT", "c.durand@example.org"); // after: the same person again
        firstConnection("l.martin1", "DEMO1-PUPIL", "l.martin@example.org");
        Map<String, Long> halfWritten = halfWrittenAccounts();

        List<Sample> failures = samples.stream().filter(s -> !s.ok()).toList();
        List<Sample> outsideCut = failures.stream().filter(s -> s.end() < cutAt || s.start() > restoredAt).toList();
        List<Sample> unclear = failures.stream().filter(s -> !s.clearPage()).toList();
        long firstFailure = failures.stream().mapToLong(Sample::start).min().orElse(-1);
        long lastFailure = failures.stream().mapToLong(Sample::end).max().orElse(-1);
        long firstSuccessAfter = samples.stream().filter(s -> s.ok() && s.start() >= restoredAt)
                .mapToLong(Sample::end).min().orElse(-1);
        boolean downDuringCut = readiness.stream().anyMatch(r -> r[0] > cutAt && r[0] < restoredAt && r[1] == 503);
        String figures = String.format("""
                DatabaseOutageDrill %s
                requests: %d (%d failed: %d while the database was away, %d outside the cut, %d without the clear 503 page)
                by kind: %s
                cut at %d ms for %d ms; first failure started at %d ms, last failure ended at %d ms (%+d ms after the restore)
                readiness DOWN during the cut: %s; UP again %d ms after the restore; first successful request after the
                restore ended %d ms after it
                first connection posted during the cut: %d; half-written accounts: %s
                """, Instant.now(), samples.size(), failures.size(), failures.size() - outsideCut.size(), outsideCut.size(),
                unclear.size(), byKind(), cutAt, restoredAt - cutAt, firstFailure, lastFailure, lastFailure - restoredAt,
                downDuringCut, upAt - restoredAt, firstSuccessAfter - restoredAt, durandDuringCut.statusCode(), halfWritten);
        Files.writeString(Path.of("target", "security-db-drill.txt"), figures);
        System.out.println(figures);

        assertFalse(failures.isEmpty(), "the cut was felt: " + figures);
        assertEquals(List.of(), outsideCut, "errors only while the database was away: " + figures);
        assertEquals(List.of(), unclear, "every failure is the clear 503 page: " + figures);
        assertTrue(downDuringCut, "readiness DOWN during the cut: " + figures);
        assertTrue(upAt - restoredAt < RECOVERY_LIMIT.toMillis(), "readiness UP again by itself: " + figures);
        assertTrue(clearPage(durandDuringCut), "the first connection posted during the cut: " + durandDuringCut.body());
        assertEquals(Map.of(), halfWritten, figures);
        for (String kind : List.of("sign-in", "account page", "reset request")) {
            assertTrue(samples.stream().anyMatch(s -> s.ok() && s.start() > restoredAt && s.what().equals(kind)),
                    kind + " works again after the restore (the signed-in session included): " + figures);
        }
    }

    // --- the load -------------------------------------------------------------------------------------------------

    private HttpResponse<String> signIn(Http http) {
        HttpResponse<String> form = http.get("/login");
        if (form.statusCode() != 200) {
            return form;
        }
        HttpResponse<String> signedIn = http.post("/login", Http.loginForm(form.body(), "p.petit1", "Tableau#Noir2026"));
        return signedIn.statusCode() == 302 ? http.get("/home") : signedIn;
    }

    private void loop(String what, Function<Http, HttpResponse<String>> request) {
        loop(what, request, r -> r.statusCode() == 200);
    }

    private void loop(String what, Function<Http, HttpResponse<String>> request, Predicate<HttpResponse<String>> expected) {
        while (running.get()) {
            long start = now();
            try {
                HttpResponse<String> answer = request.apply(new Http());
                boolean ok = expected.test(answer);
                samples.add(new Sample(what, start, now(), answer.statusCode(), ok, !ok && clearPage(answer)));
            } catch (RuntimeException | AssertionError e) { // no answer at all (timeout, connection reset), no form
                samples.add(new Sample(what, start, now(), -1, false, false));
            }
            pause(250);
        }
    }

    private void probeReadiness() {
        while (running.get()) {
            try {
                readiness.add(new long[] {now(), new Http().get("/health/ready").statusCode()});
            } catch (RuntimeException e) {
                readiness.add(new long[] {now(), -1});
            }
            pause(250);
        }
    }

    /** The first time readiness answered 200 after {@code since}, waiting for it at most {@link #RECOVERY_LIMIT}. */
    private long awaitReadiness(long since) {
        long deadline = since + RECOVERY_LIMIT.toMillis();
        while (now() < deadline) {
            for (long[] probe : readiness) {
                if (probe[0] > since && probe[1] == 200) {
                    return probe[0];
                }
            }
            pause(100);
        }
        return deadline;
    }

    private static boolean clearPage(HttpResponse<String> answer) {
        String body = answer.body();
        return answer.statusCode() == 503 && body.contains(UNAVAILABLE) && answer.headers().firstValue("Retry-After").isPresent()
                && !body.contains("Exception") && !body.contains("\tat ") && !body.contains(".java:");
    }

    private String byKind() {
        StringBuilder s = new StringBuilder();
        samples.stream().map(Sample::what).distinct().sorted().forEach(kind -> s.append(s.length() > 0 ? ", " : "")
                .append(kind).append(' ').append(samples.stream().filter(x -> x.what().equals(kind)).count()).append('/')
                .append(samples.stream().filter(x -> x.what().equals(kind) && !x.ok()).count()).append(" failed"));
        return s.toString();
    }

    private long now() {
        return System.currentTimeMillis() - t0;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- first connections ------------------------------------------------------------------------------------------

    /** Signs in with a provisional code and opens the first-connection page: its form, filled in, ready to post. */
    private static Map<String, String> firstConnectionForm(Http http, String identifier, String code, String email) {
        HttpResponse<String> signedIn = http.post("/login", Http.loginForm(http.get("/login").body(), identifier, code));
        assertEquals(302, signedIn.statusCode(), identifier + ": " + signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").contains("/first-connection"));
        Map<String, String> form = AdminLettersIT.Web.form(http.get("/first-connection").body(), "firstConnection",
                "firstConnection:submit");
        form.put("firstConnection:password", PASSWORD);
        form.put("firstConnection:confirmation", PASSWORD);
        form.put("firstConnection:email", email);
        form.put("firstConnection:charter", "on");
        return form;
    }

    private static void firstConnection(String identifier, String code, String email) {
        Http http = new Http();
        HttpResponse<String> done = http.post("/first-connection", firstConnectionForm(http, identifier, code, email));
        assertEquals(302, done.statusCode(), identifier + "'s first connection: " + done.body());
        assertFalse(done.headers().firstValue("Location").orElse("").contains("/first-connection"));
    }

    /**
     * Accounts missing what the transaction that changed them wrote with it, by rule (empty when none): an account
     * ACTIVE without a password or with a blocking step still owed, or PROVISIONAL with a password; an unverified
     * recovery email without its verification link and mail; reset links without their mail.
     */
    private static Map<String, Long> halfWrittenAccounts() throws Exception {
        Map<String, String> rules = Map.of(
                "active without password or with a blocking step", """
                        select count(*) from account a where a.status = 'ACTIVE' and (a.password_hash is null or exists (
                          select 1 from account_pending_action p where p.account_id = a.id and p.pending_action in
                          ('CHANGE_PASSWORD', 'RECORD_EMAIL', 'ACCEPT_CHARTER', 'SHOW_NEW_IDENTIFIER')))""",
                "provisional with a password or a verification link", """
                        select count(*) from account a where a.status = 'PROVISIONAL' and (a.password_hash is not null
                          or exists (select 1 from email_verification v where v.account_id = a.id))""",
                "unverified email without its link or its mail", """
                        select count(*) from account a where a.recovery_email is not null
                          and a.recovery_email_verified_at is null and a.status = 'ACTIVE'
                          and (not exists (select 1 from email_verification v where v.account_id = a.id
                                 and v.email = a.recovery_email)
                            or not exists (select 1 from outbox_mail m where m.recipient = a.recovery_email
                                 and m.template = 'EMAIL_VERIFICATION'))""",
                "reset links without their mail", """
                        select count(*) from account a where (select count(*) from password_reset r where r.account_id = a.id)
                          <> (select count(*) from outbox_mail m where m.template = 'PASSWORD_RESET'
                                and m.recipient = a.recovery_email)""");
        Map<String, Long> found = new TreeMap<>();
        try (Connection c = TestDatabases.connect(Portal.databaseUrl()); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> rule : rules.entrySet()) {
                try (ResultSet count = s.executeQuery(rule.getValue())) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        found.put(rule.getKey(), count.getLong(1));
                    }
                }
            }
            try (ResultSet active = s.executeQuery("select count(*) from account where identifier in"
                    + " ('e.renaud1', 'c.durand1', 'l.martin1') and status = 'ACTIVE'")) {
                active.next();
                if (active.getLong(1) != 3) {
                    found.put("first connections not completed", 3 - active.getLong(1));
                }
            }
        }
        return found;
    }
}
