package fr.ent.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Keycloak (keycloak-quarkus-dist, unpacked by the pom) in production mode on loopback: HTTP on 127.0.0.1 at a free
 * port, management (health) on another, embedded H2 file, local caches, and realm {@code bench} imported at start:
 * the same users as the portal ({@code u.bench<n>}, email, first and last name, the same password, one precomputed
 * Argon2id credential with the variant's parameters) and a public client {@code bench} (standard flow, redirect URI
 * on 127.0.0.1). The hashing parameters of a variant go to the argon2 provider's options
 * ({@code --spi-password-hashing--argon2--memory|iterations|parallelism}); the stored credentials carry the same
 * ones, so no sign-in rehashes.
 */
final class Keycloak implements AutoCloseable {

    final Process process;
    final URI base;
    final String redirect;
    final long startMillis;
    final Path log;

    private Keycloak(Process process, URI base, String redirect, long startMillis, Path log) {
        this.process = process;
        this.base = base;
        this.redirect = redirect;
        this.startMillis = startMillis;
        this.log = log;
    }

    /** Starts a fresh Keycloak (its H2 data deleted) with the realm of this variant. */
    static Keycloak start(Config config, String variant, int memoryKib, int iterations, int parallelism, boolean setOptions)
            throws Exception {
        Path home = config.keycloakDist;
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home);
        }
        Procs.deleteRecursively(home.resolve("data/h2"));
        Procs.deleteRecursively(home.resolve("data/import"));
        Files.createDirectories(home.resolve("data/import"));
        int port = Procs.freePort();
        int management = Procs.freePort();
        String redirect = "http://127.0.0.1:" + Procs.freePort() + "/callback";
        writeRealm(config, home.resolve("data/import/bench-realm.json"), redirect, memoryKib, iterations, parallelism);

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + management, "--hostname-strict=false",
                "--db=dev-file", "--cache=local", "--health-enabled=true", "--import-realm"));
        if (setOptions) {
            command.add("--spi-password-hashing--argon2--memory=" + memoryKib);
            command.add("--spi-password-hashing--argon2--iterations=" + iterations);
            command.add("--spi-password-hashing--argon2--parallelism=" + parallelism);
        }
        Path logs = Files.createDirectories(config.work.resolve("logs"));
        Path log = logs.resolve("keycloak-" + variant + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + config.work.toAbsolutePath());
        long t0 = System.nanoTime();
        Process p = Procs.start(builder);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                    .version(HttpClient.Version.HTTP_1_1).build();
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("Keycloak stopped during start; see " + log);
                }
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                            + "/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return new Keycloak(p, URI.create("http://127.0.0.1:" + port), redirect,
                                (System.nanoTime() - t0) / 1_000_000, log);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("Keycloak was not ready within 15 minutes; see " + log);
        } catch (Exception e) {
            Procs.stop(p);
            throw e;
        }
    }

    static void writeRealm(Config config, Path file, String redirect, int memoryKib, int iterations, int parallelism)
            throws IOException {
        Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = argon2.rawHash(iterations, memoryKib, parallelism, config.password.toCharArray(), StandardCharsets.UTF_8, salt);
        String secretData = "{\"value\":\"" + Base64.getEncoder().encodeToString(hash) + "\",\"salt\":\""
                + Base64.getEncoder().encodeToString(salt) + "\",\"additionalParameters\":{}}";
        String credentialData = "{\"hashIterations\":" + iterations + ",\"algorithm\":\"argon2\",\"additionalParameters\":{"
                + "\"hashLength\":[\"32\"],\"memory\":[\"" + memoryKib + "\"],\"type\":[\"id\"],\"version\":[\"1.3\"],"
                + "\"parallelism\":[\"" + parallelism + "\"]}}";
        String credential = "[{\"type\":\"password\",\"secretData\":" + json(secretData) + ",\"credentialData\":"
                + json(credentialData) + "}]";
        String origin = redirect.substring(0, redirect.indexOf('/', "http://".length()));
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("{\"realm\":\"bench\",\"enabled\":true,\"sslRequired\":\"none\",\"passwordPolicy\":\"hashAlgorithm(argon2)\","
                    + "\"bruteForceProtected\":false,\"clients\":[{\"clientId\":\"bench\",\"enabled\":true,\"publicClient\":true,"
                    + "\"standardFlowEnabled\":true,\"directAccessGrantsEnabled\":false,\"protocol\":\"openid-connect\","
                    + "\"redirectUris\":[" + json(origin + "/*") + "],\"webOrigins\":[" + json(origin) + "]}],\"users\":[");
            for (int n = 1; n <= config.accounts; n++) {
                if (n > 1) {
                    w.write(',');
                }
                w.write("{\"username\":\"u.bench" + n + "\",\"enabled\":true,\"email\":\"u.bench" + n
                        + "@bench.example\",\"emailVerified\":true,\"firstName\":\"Banc\",\"lastName\":\"Essai" + n
                        + "\",\"requiredActions\":[],\"credentials\":" + credential + "}");
                w.newLine();
            }
            w.write("]}");
        }
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        Procs.stop(process);
    }
}
