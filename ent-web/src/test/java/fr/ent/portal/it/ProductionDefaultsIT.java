package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 2: a start without any setting is production. A portal of its own (the one extra start of the suite),
 * started as the Docker image starts it (only its data directory and a port: no ent.* setting about demo, mail or
 * tests), serves no demo account and no {@code /dev/*} address.
 */
class ProductionDefaultsIT {

    private static Process process;
    private static URI base;
    private static Path log;

    @BeforeAll
    static void startWithoutSettings() throws Exception {
        Path work = Path.of(System.getProperty("portal.work.dir", "target/portal")).resolveSibling("portal-production");
        Portal.deleteRecursively(work);
        Files.createDirectories(work);
        int port = Portal.freePort();
        log = work.resolve("portal.log");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + work.toAbsolutePath(),
                "-Dent.data.dir=" + work.resolve("data").toAbsolutePath(), // the image's ENT_DATA_DIR
                "-jar", Portal.required("portal.micro.jar"), "--deploy", Portal.required("portal.war"),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        base = URI.create("http://127.0.0.1:" + port + "/");
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the portal stopped during start; see " + log.toAbsolutePath());
            try {
                HttpResponse<String> ready = probe.send(HttpRequest.newBuilder(base.resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("\"database\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not ready; see " + log.toAbsolutePath());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noDevAddress() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("dev/mailbox", "dev/admission")) {
            assertEquals(404, send(client, HttpRequest.newBuilder(base.resolve(path))).statusCode(), "GET /" + path);
        }
        assertEquals(404, send(client, HttpRequest.newBuilder(base.resolve("dev/admission"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base.toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString("reset=true"))).statusCode(), "POST /dev/admission");
    }

    @Test
    void noDemoAccount() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
        String page = send(client, HttpRequest.newBuilder(base.resolve("login"))).body();
        Map<String, String> form = Http.loginForm(page, "s.bernard1", "Soleil#Rouge2026");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = send(client, HttpRequest.newBuilder(base.resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, answer.statusCode(), "the demo password signs nobody in: " + answer.headers().map());
        assertTrue(answer.body().contains("id=\"identifier\""), "the sign-in page again");
        String logged = Files.readString(log);
        assertFalse(logged.contains("Demo data loaded"), "no demo data loaded");
        assertFalse(logged.contains("Demo mode"), "no demo mode");
    }
}
