package fr.ent.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged portal (ent-web WAR on Payara Micro) as the black-box suite starts it, on PostgreSQL, on a free
 * loopback port, loopback allow-listed for the per-address sign-in limiter. Cold start = process start to the first
 * 200 on /login.
 */
final class Portal implements AutoCloseable {

    final Process process;
    final URI base;
    final Path log;
    final long coldStartMillis;
    final long readyMillis;

    private Portal(Process process, URI base, Path log, long coldStartMillis, long readyMillis) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.coldStartMillis = coldStartMillis;
        this.readyMillis = readyMillis;
    }

    long pid() {
        return process.pid();
    }

    static Portal start(Config config, Path work, String name, String xmx, List<String> extraProperties) throws Exception {
        return start(config, work, name, xmx, extraProperties, config.portalLauncher);
    }

    /** The same, launched as {@code launcher} says ({@link Launcher}: jar, prepared or cds). */
    static Portal start(Config config, Path work, String name, String xmx, List<String> extraProperties, String launcher)
            throws Exception {
        Path dir = work.resolve(name);
        Procs.deleteRecursively(dir);
        Files.createDirectories(dir);
        int port = Procs.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx,
                "-Djava.io.tmpdir=" + dir.toAbsolutePath(),
                "-Dent.data.dir=" + dir.resolve("data").toAbsolutePath(),
                "-Dent.public.url=http://127.0.0.1:" + port,
                "-Dent.db.url=" + config.dbUrl(),
                "-Dent.db.user=" + config.dbUser,
                "-Dent.demo.data=false",
                "-Dent.http.trusted-proxies=127.0.0.1/32",
                "-Dent.signin.ip.allowlist=127.0.0.1/32"));
        command.addAll(extraProperties);
        command.addAll(Launcher.arguments(config, launcher));
        command.addAll(List.of("--port", String.valueOf(port), "--nocluster"));
        Path log = dir.resolve("portal.log");
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // as docker/Dockerfile runs it: two C-allocator arenas, so the hashes' native memory goes back
        // (-Dbench.portal.malloc-arenas=default: glibc's own, for a comparison)
        if (!"default".equals(config.mallocArenas)) {
            builder.environment().put("MALLOC_ARENA_MAX", config.mallocArenas);
        }
        Process p = Procs.start(builder);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                    // HTTP/1.1: the default HTTP/2 upgrade attempt once hung a probe past its request timeout (JDK 17)
                    .version(HttpClient.Version.HTTP_1_1).build();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            long cold = -1;
            long ready = -1;
            while (System.nanoTime() < deadline && (cold < 0 || ready < 0)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("The portal stopped during start; see " + log);
                }
                if (cold < 0 && status(client, base.resolve("/login")) == 200) {
                    cold = (System.nanoTime() - t0) / 1_000_000;
                }
                if (ready < 0) {
                    HttpResponse<String> r = send(client, base.resolve("/health/ready"));
                    if (r != null && r.statusCode() == 200 && r.body().contains("\"database\"")) {
                        ready = (System.nanoTime() - t0) / 1_000_000;
                    }
                }
                Thread.sleep(100);
            }
            if (cold < 0 || ready < 0) {
                throw new IllegalStateException("The portal was not ready within 10 minutes; see " + log);
            }
            return new Portal(p, base, log, cold, ready);
        } catch (Exception e) {
            Procs.stop(p);
            throw e;
        }
    }

    private static int status(HttpClient client, URI uri) {
        HttpResponse<String> r = send(client, uri);
        return r == null ? -1 : r.statusCode();
    }

    private static HttpResponse<String> send(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Live heap after a full GC, in bytes: the total of {@code jcmd PID GC.class_histogram} (which runs one). */
    long liveHeapBytes() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String out = Procs.run(List.of(jcmd, String.valueOf(pid()), "GC.class_histogram"), 300);
        for (String line : out.split("\n")) {
            if (line.trim().startsWith("Total")) {
                String[] parts = line.trim().split("\\s+");
                return Long.parseLong(parts[2]);
            }
        }
        throw new IllegalStateException("No total in jcmd output: " + out.lines().limit(5).toList());
    }

    String heapInfo() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        return Procs.run(List.of(jcmd, String.valueOf(pid()), "GC.heap_info"), 60);
    }

    @Override
    public void close() {
        Procs.stop(process);
    }
}
