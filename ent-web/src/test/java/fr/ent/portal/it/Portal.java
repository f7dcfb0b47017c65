package fr.ent.portal.it;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * The one packaged portal that every black-box test of the build talks to: the WAR of this module
 * on Payara Micro, started once per test JVM on a free loopback port, with a fresh embedded
 * database (or, when {@code ent.test.db.url} is set, a freshly emptied PostgreSQL schema) and the
 * demo data (asked for explicitly: {@code ent.demo.data=true}, plus the tests-only {@code ent.demo.data.any-database=true}
 * on PostgreSQL). Stopped when the test run ends.
 * <p>
 * A test JVM of its own (the {@code drills} profile) may give its portal other settings through system properties:
 * {@code portal.work.dir} (its directory), {@code portal.extra.args} (JVM options, space separated, e.g. limits),
 * {@code portal.db.suffix} (on PostgreSQL, the database {@code <ent.test.db.url>_suffix}, created and emptied) and
 * {@code portal.db.proxy=true} (on PostgreSQL, the portal reaches its database through a {@link TcpProxy} of this
 * JVM, which a drill can cut).
 */
public final class Portal implements BeforeAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static Server instance;
    private static GreenMail mail;
    private static String databaseUrl;
    private static TcpProxy databaseProxy;

    /** The base URL of the running portal, e.g. {@code http://127.0.0.1:41234/}. */
    public static URI base() {
        if (instance == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(Portal.class)");
        }
        return instance.base;
    }

    public static URI url(String path) {
        return base().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The SMTP server the portal delivers to (a real one: GreenMail). */
    public static GreenMail mail() {
        return mail;
    }

    /** The JDBC URL of the portal's PostgreSQL database, reached directly (not through the proxy); null on H2. */
    public static String databaseUrl() {
        return databaseUrl;
    }

    /** The proxy between the portal and PostgreSQL ({@code portal.db.proxy=true}), or null. */
    public static TcpProxy databaseProxy() {
        return databaseProxy;
    }

    /** The portal's process (a JVM of its own), for tests that read its CPU time. */
    public static ProcessHandle process() {
        return instance.process.toHandle();
    }

    /** The region's address for the AAF feed's alerts. */
    static final String REGION_FEED_EMAIL = "flux-aaf@region.example.org";

    /** The region's AAF inbox directory (RegionFeedIT). */
    public static Path aafInbox() {
        return Path.of(System.getProperty("portal.work.dir", "target/portal"), "aaf-inbox");
    }

    /** The portal's server log, for tests that check what is (not) logged. */
    public static Path log() {
        return instance.log;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Portal.class) {
            if (instance == null) {
                mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mail.start();
                instance = Server.start(mail.getSmtp().getPort());
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Portal.class.getName(), instance);
            }
        }
    }

    /** The running portal process; closed by JUnit at the end of the test run. */
    private static final class Server implements CloseableResource {

    private final Process process;
    private final URI base;
    private final Path log;

    private Server(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    private static Server start(int smtpPort) throws Exception {
        Path work = Path.of(System.getProperty("portal.work.dir", "target/portal"));
        deleteRecursively(work);
        Files.createDirectories(work);
        Files.createDirectories(work.resolve("aaf-inbox"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + work.toAbsolutePath(),
                "-Dent.data.dir=" + work.resolve("data").toAbsolutePath(),
                // RegionFeedIT drops AAF files here; the portal looks every 3 s and mails failures to the region
                "-Dent.directory.inbox=" + work.resolve("aaf-inbox").toAbsolutePath(),
                "-Dent.directory.inbox.interval=PT3S",
                "-Dent.directory.alert-email=" + REGION_FEED_EMAIL,
                "-Dent.public.url=http://127.0.0.1:" + port,
                "-Dent.mail.smtp.host=127.0.0.1",
                "-Dent.mail.smtp.port=" + smtpPort,
                // Loopback is a trusted proxy (tests send X-Forwarded-For to play distant clients) and, like a
                // school network, never rate-limited itself.
                "-Dent.http.trusted-proxies=127.0.0.1/32",
                "-Dent.signin.ip.allowlist=127.0.0.1/32",
                // SurgeIT sets slots and queue, holds and releases hash slots (and puts everything back)
                "-Dent.admission.dev-controls=true",
                // issue 24: no profile must have a second factor here (the other tests sign admins in with a
                // password); SecondFactorBrowserIT requires it for a while through /dev/mfa-policy
                "-Dent.mfa.required-profiles=none",
                // passkeys need a domain as RP id (browsers refuse an IP address): PasskeyBrowserIT uses localhost
                "-Dent.passkey.rp-id=localhost",
                "-Dent.passkey.origins=http://localhost:" + port,
                // SingleSignOnIT registers test services on http://localhost (a real CAS client on embedded Jetty)
                "-Dent.cas.loopback-http=true",
                // SamlIT rotates the federation key: the new key signs after this delay (one node here; a cluster
                // needs at least the 60 s its nodes take to re-read the keys, the default is PT2M)
                "-Dent.federation.key-publication-delay=PT3S",
                // the suite runs on the demo data: demo mode is never the default (a start without settings is
                // production, ProductionDefaultsIT)
                "-Dent.demo.data=true"));
        String dbUrl = System.getProperty("ent.test.db.url", "");
        if (!dbUrl.isBlank()) {
            String suffix = System.getProperty("portal.db.suffix", "");
            databaseUrl = suffix.isBlank() ? dbUrl : TestDatabases.sibling(dbUrl, suffix);
            TestDatabases.empty(databaseUrl);
            String portalUrl = databaseUrl;
            if (Boolean.getBoolean("portal.db.proxy")) {
                URI direct = URI.create(databaseUrl.substring("jdbc:".length()));
                databaseProxy = TcpProxy.start(direct.getHost(), direct.getPort() < 0 ? 5432 : direct.getPort());
                portalUrl = databaseUrl.replace("//" + direct.getRawAuthority() + "/",
                        "//127.0.0.1:" + databaseProxy.port() + "/");
            }
            command.add("-Dent.db.url=" + portalUrl);
            command.add("-Dent.db.user=" + TestDatabases.user());
            // demo mode refuses any database but the embedded H2; the suite on PostgreSQL lifts that, tests only
            command.add("-Dent.demo.data.any-database=true");
        }
        for (String option : System.getProperty("portal.extra.args", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", required("portal.micro.jar"),
                "--deploy", required("portal.war"), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster"));
        Path log = work.resolve("portal.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2"); // as docker/Dockerfile runs it
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        Server portal = new Server(process, base, log);
        try {
            portal.awaitReady();
        } catch (Exception e) {
            portal.close();
            throw e;
        }
        return portal;
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal stopped during start; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(base.resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("\"database\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The portal was not ready within " + START_TIMEOUT + "; see " + log.toAbsolutePath());
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.stop();
        }
        if (databaseProxy != null) {
            databaseProxy.close();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).exists()) {
            throw new IllegalStateException("System property " + property + " must name an existing file (set by failsafe), got " + value);
        }
        return value;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
