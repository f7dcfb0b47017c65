package fr.ent.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every process the benchmark starts (portal, Keycloak, Gatling JVMs), so that each is stopped, with its
 * descendants, at the end of its phase, on failure, and on a JVM shutdown (Ctrl-C): by their own handles, never by
 * name.
 */
final class Procs {

    private static final List<Process> RUNNING = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Procs::stopAll, "bench-stop-processes"));
    }

    private Procs() {
    }

    static Process start(ProcessBuilder builder) throws IOException {
        Process p = builder.start();
        RUNNING.add(p);
        return p;
    }

    static void stop(Process p) {
        if (p == null) {
            return;
        }
        try {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(p);
        }
    }

    static void stopAll() {
        for (Process p : List.copyOf(RUNNING)) {
            stop(p);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
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

    /** A line of /proc/PID/status, in KiB (e.g. VmHWM, VmRSS), or -1. */
    static long procStatusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /** User + system CPU time of a process so far, in seconds (/proc/PID/stat, clock ticks of 1/100 s), or NaN. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Runs a short command and returns its output (stdout and stderr). */
    static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = start(new ProcessBuilder(command).redirectErrorStream(true));
        try {
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            return new String(out);
        } finally {
            stop(p);
        }
    }
}
