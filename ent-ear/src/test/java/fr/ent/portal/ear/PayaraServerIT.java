package fr.ent.portal.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on a real Payara Server 6 Full: a fresh domain on free ports under {@code target/}, the
 * portal's environment (embedded H2 under {@code target/}, or the PostgreSQL database named by
 * {@code ent.test.db.url}, emptied first), {@code asadmin deploy}, then black-box checks over HTTP
 * and on the server log. The domain is stopped and deleted at the end, whatever happened.
 */
class PayaraServerIT {

    private static final String DOMAIN = "ent-it";
    private static final String APPLICATION = "ent-portal";
    /** Offsets from the port base that a domain created with {@code --portbase} listens on. */
    private static final int[] PORT_OFFSETS = {37, 38, 39, 48, 66, 76, 80, 81, 86};
    private static final Duration ASADMIN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** A SEVERE record of the ODL/ULF log formats Payara writes, e.g. {@code [SEVERE]} or {@code |SEVERE|}. */
    private static final Pattern SEVERE = Pattern.compile("[\\[|]SEVERE[\\]|]");

    private static Path target;
    private static Path payaraHome;
    private static Path domainsDir;
    private static Path serverLog;
    private static int portBase;
    private static URI http;
    private static boolean started;
    private static long startedAtLine;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startDomainAndDeploy() throws Exception {
        long t0 = System.nanoTime();
        payaraHome = Path.of(required("payara.server.home")).toAbsolutePath();
        Path ear = Path.of(required("portal.ear")).toAbsolutePath();
        target = payaraHome.getParent();
        domainsDir = target.resolve("it-domains");
        Path dataDir = target.resolve("it-data");

        // A leftover of an interrupted run: stop it (it is ours) and start from scratch.
        if (Files.exists(domainsDir.resolve(DOMAIN))) {
            asadmin(Map.of(), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
        }
        deleteRecursively(domainsDir);
        deleteRecursively(dataDir);
        Files.createDirectories(domainsDir);
        Files.createDirectories(dataDir);

        portBase = freePortBase();
        http = URI.create("http://127.0.0.1:" + (portBase + 80) + "/");
        serverLog = domainsDir.resolve(DOMAIN).resolve("logs").resolve("server.log");

        long t = System.nanoTime();
        expectSuccess("create-domain", asadmin(Map.of(), "create-domain", "--nopassword", "--domaindir",
                domainsDir.toString(), "--portbase", String.valueOf(portBase), DOMAIN));
        isolateDataGrid(domainsDir.resolve(DOMAIN).resolve("config").resolve("domain.xml"));
        timing("create-domain", t);

        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("ENT_DATA_DIR", dataDir.toString());
        String dbUrl = System.getProperty("ent.test.db.url", "").trim();
        if (!dbUrl.isEmpty()) {
            String user = System.getProperty("ent.test.db.user", "postgres");
            String password = System.getProperty("ent.test.db.password", "");
            emptyPublicSchema(dbUrl, user, password);
            environment.put("ENT_DB_URL", dbUrl);
            environment.put("ENT_DB_USER", user);
            environment.put("ENT_DB_PASSWORD", password);
            environment.put("ENT_DEMO_DATA_ANY_DATABASE", "true"); // tests only: demo data on PostgreSQL
        }
        environment.put("ENT_DEMO_DATA", "true"); // never the default
        System.out.println("[PayaraServerIT] database: " + (dbUrl.isEmpty() ? "embedded H2 in " + dataDir : dbUrl)
                + ", port base " + portBase + " (http " + (portBase + 80) + ", admin " + adminPort() + ")");

        t = System.nanoTime();
        started = true; // from here on, always try to stop it, even if the test JVM is killed
        Runtime.getRuntime().addShutdownHook(new Thread(PayaraServerIT::stopIfStillRunning, "stop-" + DOMAIN));
        expectSuccess("start-domain", asadmin(environment, "start-domain", "--domaindir", domainsDir.toString(), DOMAIN));
        timing("start-domain", t);
        startedAtLine = lineCount(serverLog);

        t = System.nanoTime();
        expectSuccess("deploy", asadmin(Map.of(), "--host", "127.0.0.1", "--port", String.valueOf(adminPort()),
                "deploy", "--name", APPLICATION, ear.toString()));
        timing("deploy", t);
        timing("total before tests", t0);
    }

    private static synchronized void stopIfStillRunning() {
        if (started) {
            try {
                asadmin(Map.of(), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
            } catch (Exception e) {
                System.out.println("[PayaraServerIT] could not stop the domain: " + e);
            }
            started = false;
        }
    }

    @AfterAll
    static synchronized void stopAndDeleteDomain() throws Exception {
        if (started) {
            started = false;
            long t = System.nanoTime();
            Result stop = asadmin(Map.of(), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
            timing("stop-domain", t);
            if (stop.exitCode != 0) {
                System.out.println("[PayaraServerIT] stop-domain failed:\n" + stop.output);
            }
        }
        if (domainsDir != null) {
            // Keep the log of a failed run next to the surefire reports, then remove the domain.
            if (Files.exists(serverLog)) {
                Files.copy(serverLog, target.resolve("it-server.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            deleteRecursively(domainsDir);
        }
    }

    @Test
    void loginPageShowsTheSignInForm() throws Exception {
        HttpResponse<String> login = get("login");
        assertEquals(200, login.statusCode(), () -> "GET /login answered " + login.statusCode() + "\n" + login.body() + logTail());
        String body = login.body();
        assertTrue(body.contains("id=\"identifier\""), () -> "No identifier field in /login:\n" + body + logTail());
        assertTrue(Pattern.compile("<input[^>]*type=\"password\"").matcher(body).find(),
                () -> "No password input in /login:\n" + body + logTail());
    }

    /** The sign-in journey on the EAR: Jakarta Security, the JSF form, Argon2id (native) and the session, end to end. */
    @Test
    void aTeacherSignsInAndReachesHome() throws Exception {
        HttpClient browser = signedInTeacher();
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(http.resolve("home")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode(), () -> "GET /home answered " + home.statusCode() + logTail());
        assertTrue(home.body().contains("p.petit1"), () -> "home does not show the signed-in teacher:\n" + home.body());
    }

    /**
     * Issue 24: webauthn4j's Jackson 3 runs on Payara Server (the EAR's libraries first, glassfish-application.xml). A
     * registration answer with a real challenge and a CBOR attestation object ("none") from a wrong origin is parsed
     * and refused (400); with the server's older Jackson annotations shadowing the EAR's it was a 500
     * (NoSuchMethodError in Jackson's polymorphic type handling, at the attestation statement).
     */
    @Test
    void aPasskeyRegistrationAnswerIsParsedAndVerifiedByWebauthn4j() throws Exception {
        HttpClient browser = signedInTeacher();
        HttpResponse<String> options = postJson(browser, "passkey/register-options", "{}");
        assertEquals(200, options.statusCode(), () -> "register-options answered " + options.statusCode() + logTail());
        java.util.regex.Matcher challenge = Pattern.compile("\"challenge\":\"([A-Za-z0-9_-]+)\"").matcher(options.body());
        assertTrue(challenge.find(), () -> "no challenge in " + options.body());
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String clientData = "{\"type\":\"webauthn.create\",\"challenge\":\"" + challenge.group(1)
                + "\",\"origin\":\"https://wrong-origin.example\"}";
        // CBOR {"fmt": "none", "attStmt": {}, "authData": 37 bytes (RP id hash, flags UP+UV, counter 0)}
        java.io.ByteArrayOutputStream cbor = new java.io.ByteArrayOutputStream();
        cbor.write(0xA3);
        cbor.write(0x63);
        cbor.writeBytes("fmt".getBytes(StandardCharsets.US_ASCII));
        cbor.write(0x64);
        cbor.writeBytes("none".getBytes(StandardCharsets.US_ASCII));
        cbor.write(0x67);
        cbor.writeBytes("attStmt".getBytes(StandardCharsets.US_ASCII));
        cbor.write(0xA0);
        cbor.write(0x68);
        cbor.writeBytes("authData".getBytes(StandardCharsets.US_ASCII));
        cbor.write(0x58);
        cbor.write(37);
        byte[] authData = new byte[37];
        authData[32] = 0x05;
        cbor.writeBytes(authData);
        String answer = "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\""
                + b64.encodeToString(clientData.getBytes(StandardCharsets.UTF_8)) + "\",\"attestationObject\":\""
                + b64.encodeToString(cbor.toByteArray()) + "\",\"transports\":[]},\"clientExtensionResults\":{}}";
        HttpResponse<String> refused = postJson(browser, "passkey/register", answer);
        assertEquals(400, refused.statusCode(), () -> "a registration from a wrong origin answered "
                + refused.statusCode() + " " + refused.body() + logTail());
        assertTrue(refused.body().contains("REFUSED"), () -> "not refused by the ceremony: " + refused.body());
    }

    private static HttpResponse<String> postJson(HttpClient browser, String path, String json) throws Exception {
        return browser.send(HttpRequest.newBuilder(http.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A client with p.petit1's session (the password form, as a browser posts it). */
    private static HttpClient signedInTeacher() throws Exception {
        HttpClient browser = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new java.net.CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(http.resolve("login")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder form = new StringBuilder();
        java.util.regex.Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
                .matcher(page);
        while (hidden.find()) {
            form.append(encode(hidden.group(1))).append('=').append(encode(hidden.group(2))).append('&');
        }
        java.util.regex.Matcher nonce = Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)").matcher(page);
        assertTrue(nonce.find(), () -> "no CSP nonce in /login" + logTail());
        form.append("primefaces.nonce=").append(encode(nonce.group(1)))
                .append("&identifier=p.petit1&password=").append(encode("Tableau#Noir2026")).append("&submit=");
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(http.resolve("login"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), () -> "sign-in answered " + answer.statusCode() + "\n" + answer.body() + logTail());
        String landing = answer.headers().firstValue("Location").orElse("");
        assertTrue(landing.endsWith("/home"), () -> "sign-in led to " + landing + logTail());
        return browser;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void readinessReportsTheDatabaseUp() throws Exception {
        // The migration runs at deployment; the check may need a moment on a cold pool.
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpResponse<String> ready;
        do {
            ready = get("health/ready");
            if (ready.statusCode() == 200 && databaseUp(ready.body())) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        HttpResponse<String> last = ready;
        fail("GET /health/ready did not report the database check UP within " + READY_TIMEOUT + ": "
                + last.statusCode() + " " + last.body() + logTail());
    }

    @Test
    void serverLogHasNoSevereRecordSinceStart() throws Exception {
        // Let the first requests of the other tests run (they log too), then read the log.
        get("login");
        List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
        List<String> severe = lines.stream().skip(startedAtLine).filter(l -> SEVERE.matcher(l).find())
                .collect(Collectors.toList());
        assertTrue(severe.isEmpty(), () -> severe.size() + " SEVERE record(s) in " + serverLog + ":\n"
                + String.join("\n", severe) + logTail());
    }

    private static boolean databaseUp(String json) {
        String compact = json.replaceAll("\\s", "");
        return Pattern.compile("\\{[^{}]*\"name\":\"database\"[^{}]*\"status\":\"UP\"|\\{[^{}]*\"status\":\"UP\"[^{}]*\"name\":\"database\"")
                .matcher(compact).find();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(http.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- asadmin ----------------------------------------------------------------------------

    private record Result(int exitCode, String output) { }

    private static Result asadmin(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(payaraHome.resolve("bin").resolve("asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(target, "asadmin-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(target.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        String javaHome = System.getProperty("java.home");
        builder.environment().put("AS_JAVA", javaHome);
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(ASADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        String text = Files.readString(output);
        Files.deleteIfExists(output);
        return new Result(exit, text);
    }

    private static void expectSuccess(String step, Result result) {
        if (result.exitCode != 0) {
            fail("asadmin " + step + " failed (exit " + result.exitCode + "):\n" + result.output + logTail());
        }
    }

    private static int adminPort() {
        return portBase + 48;
    }

    /**
     * Gives the domain's Hazelcast data grid a cluster name of its own ({@code --portbase} already
     * moved its ports), so that it never joins another engineer's Payara on this machine.
     */
    private static void isolateDataGrid(Path domainXml) throws IOException {
        String xml = Files.readString(domainXml);
        if (!xml.contains("<hazelcast-runtime-configuration") || Pattern.compile(
                "<hazelcast-runtime-configuration[^>]*cluster-group-name=").matcher(xml).find()) {
            return;
        }
        Files.writeString(domainXml, xml.replaceFirst("<hazelcast-runtime-configuration",
                "<hazelcast-runtime-configuration cluster-group-name=\"ent-it-" + portBase + "\""));
    }

    // ---- environment -------------------------------------------------------------------------

    private static void emptyPublicSchema(String url, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        }
    }

    /** A port base whose ports are all free on every interface. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(200, 550); // 20000..54900
            boolean free = true;
            for (int offset : PORT_OFFSETS) {
                free &= isFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No free port base found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " must name an existing path (set by failsafe), got " + value);
        }
        return value;
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    private static String logTail() {
        try {
            if (serverLog == null || !Files.exists(serverLog)) {
                return "\n(no server.log)";
            }
            List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
            return "\n---- last lines of " + serverLog + " ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "\n(server.log unreadable: " + e + ")";
        }
    }

    private static void timing(String step, long startNanos) {
        System.out.printf("[PayaraServerIT] %s: %.1f s%n", step, (System.nanoTime() - startNanos) / 1e9);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
