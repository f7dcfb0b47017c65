package fr.ent.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /login measured by wrk (Debian's package), the way issue 21 states its target: a client written in C, 20
 * connections, no cookies kept, so the figure is the portal's and not the JVM generator's. Absent wrk, nothing is
 * measured and the report says so.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors:.*");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

    record Result(double perSecond, long non2xx, String socketErrors, double p99Ms, String output) {
    }

    private Wrk() {
    }

    static Optional<File> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dir, "wrk");
            if (f.canExecute()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static Result run(File wrk, URI url, int connections, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(wrk.getPath(), "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                url.toString()).redirectErrorStream(true);
        Process p = Procs.start(pb);
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                throw new IOException("wrk did not end");
            }
        } finally {
            Procs.stop(p);
        }
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IOException("wrk printed no rate: " + out);
        }
        Matcher non = NON_2XX.matcher(out);
        Matcher err = ERRORS.matcher(out);
        Matcher p99 = P99.matcher(out);
        double p99Ms = Double.NaN;
        if (p99.find()) {
            double v = Double.parseDouble(p99.group(1));
            p99Ms = switch (p99.group(2)) {
                case "us" -> v / 1000;
                case "s" -> v * 1000;
                default -> v;
            };
        }
        return new Result(Double.parseDouble(rate.group(1)), non.find() ? Long.parseLong(non.group(1)) : 0,
                err.find() ? err.group() : "", p99Ms, out);
    }
}
