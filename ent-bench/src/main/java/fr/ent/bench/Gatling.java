package fr.ent.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Gatling simulation in its own JVM (io.gatling.app.Gatling, the module's classpath), with the given
 * {@code bench.*} settings, and returns the step timings the simulation wrote ({@link fr.ent.bench.sim.Recorder}).
 * Gatling's HTML report of each run goes to {@code target/bench/gatling/}.
 */
final class Gatling {

    private Gatling() {
    }

    static Result run(Config config, String simulation, String label, Map<String, String> settings, Duration bound)
            throws IOException, InterruptedException {
        Path results = Files.createDirectories(config.work.resolve("results"));
        Path logs = Files.createDirectories(config.work.resolve("logs"));
        Path out = results.resolve(label + ".properties");
        Files.deleteIfExists(out);
        String classpath = config.classes + java.io.File.pathSeparator + Files.readString(config.classpathFile).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + config.gatlingXmx, "-XX:+UseParallelGC", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + config.work.toAbsolutePath(),
                "-Dbench.out=" + out.toAbsolutePath()));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", classpath, "io.gatling.app.Gatling",
                "-s", "fr.ent.bench.sim." + simulation,
                "-rf", config.work.resolve("gatling").toAbsolutePath().toString(),
                "-rd", label, "-l", "ent-bench"));
        if (!config.gatlingReports) {
            command.add("-nr");
        }
        Path log = logs.resolve(label + ".log");
        System.out.printf("[bench] %s: %s %s%n", label, simulation, settings);
        long t0 = System.nanoTime();
        Process p = Procs.start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()));
        try {
            if (!p.waitFor(bound.toSeconds() + 180, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Gatling run " + label + " exceeded its bound; see " + log);
            }
        } finally {
            Procs.stop(p);
        }
        if (!Files.exists(out)) {
            throw new IllegalStateException("Gatling run " + label + " wrote no results (exit " + p.exitValue() + "); see " + log);
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(out)) {
            props.load(r);
        }
        return new Result(label, props, (System.nanoTime() - t0) / 1e9);
    }

    /** The timings of one run. */
    record Result(String label, Properties props, double wallSeconds) {

        long ok(String step) {
            return Long.parseLong(props.getProperty(step + ".ok", "0"));
        }

        long ko(String step) {
            return Long.parseLong(props.getProperty(step + ".ko", "0"));
        }

        double ms(String step, String stat) {
            return Double.parseDouble(props.getProperty(step + "." + stat, "NaN"));
        }

        /** Successful steps per second between the first and the last success. */
        double okPerSecond(String step) {
            long first = Long.parseLong(props.getProperty(step + ".first", "0"));
            long last = Long.parseLong(props.getProperty(step + ".last", "0"));
            long n = ok(step);
            return n < 2 || last <= first ? n : (n - 1) / ((last - first) / 1000.0);
        }

        String errors() {
            StringBuilder b = new StringBuilder();
            props.stringPropertyNames().stream().filter(k -> k.startsWith("error.")).sorted()
                    .forEach(k -> b.append(b.length() == 0 ? "" : ", ").append(k.substring(6).replace('_', ' '))
                            .append(" ×").append(props.getProperty(k)));
            return b.toString();
        }
    }
}
