package fr.ent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the portal's JVM is launched (issue 21 item 7, the cold start), chosen by {@code bench.portal.launcher}:
 * <ul>
 * <li>{@code jar}: {@code payara-micro.jar --deploy ent-web.war}, as the black-box suite does: Payara Micro unpacks its
 * runtime into a temporary directory and deploys the WAR at every start;</li>
 * <li>{@code prepared}: a root directory made once ({@code --rootdir … --outputlauncher}), the WAR deployed into it
 * by a {@code --warmup} run, then started with the root's own {@code launch-micro.jar} and no {@code --deploy};</li>
 * <li>{@code cds} (the default): the same root, plus a class-data-sharing archive of the classes that warm-up run
 * loaded ({@code -XX:ArchiveClassesAtExit}, JDK 13+), read at each start ({@code -XX:SharedArchiveFile}).</li>
 * </ul>
 * docker/Dockerfile prepares its image the same way.
 */
final class Launcher {

    private static Path root;

    private Launcher() {
    }

    static boolean known(String kind) {
        return List.of("jar", "prepared", "cds").contains(kind);
    }

    /** The JVM options and arguments that follow the portal's system properties, up to its own arguments. */
    static List<String> arguments(Config config, String kind) throws IOException, InterruptedException {
        if ("jar".equals(kind)) {
            return List.of("-jar", config.microJar.toString(), "--deploy", config.war.toString(), "--contextroot", "/");
        }
        Path r = prepare(config);
        List<String> args = new ArrayList<>();
        if ("cds".equals(kind)) {
            args.add("-XX:SharedArchiveFile=" + r.resolve("portal.jsa"));
            args.add("-Xshare:auto");
        }
        args.addAll(List.of("-jar", r.resolve("launch-micro.jar").toString()));
        return args;
    }

    /** Makes the root directory once per run: the launcher, the WAR deployed into it, the CDS archive. */
    static synchronized Path prepare(Config config) throws IOException, InterruptedException {
        if (root != null) {
            return root;
        }
        Path r = config.work.resolve("micro-root").toAbsolutePath();
        Path warm = config.work.resolve("micro-warmup").toAbsolutePath();
        Procs.deleteRecursively(r);
        Procs.deleteRecursively(warm);
        Files.createDirectories(warm);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        String out = Procs.run(List.of(java, "-jar", config.microJar.toString(), "--rootdir", r.toString(), "--outputlauncher"), 300);
        if (!Files.isRegularFile(r.resolve("launch-micro.jar"))) {
            throw new IllegalStateException("no launch-micro.jar in " + r + ": " + tail(out));
        }
        // the warm-up deploys the WAR into the root (embedded H2 in a throw-away data directory: the classes of a
        // start, Flyway included) and exits; the JVM writes the classes it loaded into the archive as it exits
        out = Procs.run(List.of(java, "-XX:ArchiveClassesAtExit=" + r.resolve("portal.jsa"), "-Xmx512m",
                "-Djava.io.tmpdir=" + warm, "-Dent.data.dir=" + warm.resolve("data"), "-Dent.demo.data=false",
                "-jar", r.resolve("launch-micro.jar").toString(), "--deploy", config.war.toString(), "--contextroot", "/",
                "--nocluster", "--warmup"), 600);
        if (!Files.isRegularFile(r.resolve("portal.jsa"))) {
            throw new IllegalStateException("the warm-up wrote no CDS archive: " + tail(out));
        }
        System.out.printf(Locale.ROOT, "[bench] Payara Micro root prepared in %.1f s (%s; CDS archive %d MiB)%n",
                (System.nanoTime() - t0) / 1e9, r, Files.size(r.resolve("portal.jsa")) >> 20);
        root = r;
        return r;
    }

    private static String tail(String out) {
        return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    }
}
