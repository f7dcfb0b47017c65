package fr.ent.bench.sim;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * Timings as a visitor sees them (a step = one or more requests, redirects included), kept in the Gatling JVM and
 * written at the end of the simulation as a properties file that the orchestrator reads:
 * {@code <step>.ok}, {@code <step>.ko}, {@code <step>.p50|p95|p99|max|mean} (ms, successful steps only),
 * {@code <step>.first|last} (epoch ms of the first and last successful end), {@code error.<reason>} counts.
 */
public final class Recorder {

    private static final Map<String, ConcurrentLinkedQueue<long[]>> OK = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> KO = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> ERRORS = new ConcurrentHashMap<>();
    private static final Map<String, String> EXTRA = new ConcurrentHashMap<>();

    private Recorder() {
    }

    /** Starts the clock of a step. */
    public static ChainBuilder start(String step) {
        return exec(session -> session.set("t0_" + step, System.nanoTime()).markAsSucceeded());
    }

    /**
     * Stops the clock of a step: successful when the session did not fail since {@link #start} (the session is marked
     * succeeded again afterwards so that the next step starts clean).
     */
    public static ChainBuilder stop(String step) {
        return exec(session -> {
            long elapsed = System.nanoTime() - session.getLong("t0_" + step);
            if (session.isFailed()) {
                ko(step, session.contains("lastStatus") ? "failed, last status " + session.getString("lastStatus") : "failed");
            } else {
                ok(step, elapsed);
            }
            return session;
        });
    }

    public static void ok(String step, long nanos) {
        OK.computeIfAbsent(step, s -> new ConcurrentLinkedQueue<>()).add(new long[] {nanos, System.currentTimeMillis()});
    }

    public static void ko(String step, String reason) {
        KO.computeIfAbsent(step, s -> new AtomicLong()).incrementAndGet();
        ERRORS.computeIfAbsent(step + " " + reason, s -> new AtomicLong()).incrementAndGet();
    }

    /** A planned answer that is neither a success nor an error (e.g. a 503 with Retry-After). */
    public static void count(String what) {
        ERRORS.computeIfAbsent(what, s -> new AtomicLong()).incrementAndGet();
    }

    public static void extra(String key, String value) {
        EXTRA.put(key, value);
    }

    public static boolean failed(Session session) {
        return session.isFailed();
    }

    /** Writes the summary to {@code bench.out} (a system property set by the orchestrator), if set. */
    public static void write() {
        String out = System.getProperty("bench.out");
        if (out == null || out.isBlank()) {
            return;
        }
        Map<String, String> values = new TreeMap<>(EXTRA);
        for (Map.Entry<String, ConcurrentLinkedQueue<long[]>> e : OK.entrySet()) {
            long[][] rows = e.getValue().toArray(new long[0][]);
            long[] ms = new long[rows.length];
            long first = Long.MAX_VALUE;
            long last = 0;
            double sum = 0;
            for (int i = 0; i < rows.length; i++) {
                ms[i] = rows[i][0];
                sum += rows[i][0];
                first = Math.min(first, rows[i][1]);
                last = Math.max(last, rows[i][1]);
            }
            Arrays.sort(ms);
            String s = e.getKey();
            values.put(s + ".ok", String.valueOf(ms.length));
            if (ms.length > 0) {
                values.put(s + ".p50", fmt(percentile(ms, 50)));
                values.put(s + ".p95", fmt(percentile(ms, 95)));
                values.put(s + ".p99", fmt(percentile(ms, 99)));
                values.put(s + ".max", fmt(ms[ms.length - 1] / 1e6));
                values.put(s + ".mean", fmt(sum / ms.length / 1e6));
                values.put(s + ".first", String.valueOf(first));
                values.put(s + ".last", String.valueOf(last));
            }
        }
        KO.forEach((s, n) -> values.put(s + ".ko", String.valueOf(n.get())));
        ERRORS.forEach((s, n) -> values.put("error." + s.replace(' ', '_').replace(':', '_').replace('=', '_'),
                String.valueOf(n.get())));
        Properties p = new Properties();
        p.putAll(values);
        try (Writer w = Files.newBufferedWriter(Path.of(out))) {
            p.store(w, "bench step timings (ms)");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + out, e);
        }
    }

    /** Nearest-rank percentile, in ms. */
    static double percentile(long[] sortedNanos, double pct) {
        int rank = (int) Math.ceil(pct / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
