package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Nu HTML checker ({@code vnu}, the W3C's validator, fetched from the npm registry as {@code vnu-jar} by the
 * build's {@code axe} profile) over every page the browser tests of this run visited ({@link HtmlPages}): no error,
 * beside axe-core's accessibility rules (issue 22, item 7). Runs after every other class. Warnings are not counted;
 * the few messages that are the checker's mistakes are listed in {@link #ALLOWED}, each with its reason. Outside CI a
 * machine without the jar (no npm) skips it, like {@link AccessibilityIT}; on CI ({@code CI=true}) it fails.
 */
@Order(Order.DEFAULT + 200)
class HtmlCheckIT {

    static final Path JAR = Path.of(System.getProperty("vnu.jar", "target/vnu/node_modules/vnu-jar/build/dist/vnu.jar"));

    /** A message of the checker that is not a fault of the page, and why. */
    record Allowed(Pattern message, String reason) {
    }

    static final List<Allowed> ALLOWED = List.of();

    @Test
    void everyVisitedPageIsValidHtml() throws Exception {
        if (!Files.isReadable(JAR)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("vnu-jar was not fetched by the build (npm missing?): " + JAR);
            }
            Assumptions.abort("the Nu HTML checker is not installed: not in " + JAR
                    + " (the build fetches vnu-jar with npm when npm is installed)");
        }
        List<Path> pages = pages();
        Assumptions.assumeFalse(pages.isEmpty(), "no page was kept by a browser test in this run: " + HtmlPages.DIR);
        List<String> errors = check(HtmlPages.DIR);
        List<String> left = errors.stream().filter(e -> ALLOWED.stream().noneMatch(a -> a.message().matcher(e).find()))
                .toList();
        Path report = Path.of("target", "html-check.txt");
        Files.write(report, left);
        assertTrue(left.isEmpty(), () -> left.size() + " HTML errors in " + pages.size() + " pages (all in " + report
                + "):\n  " + summary(left));
    }

    static List<Path> pages() throws IOException {
        if (!Files.isDirectory(HtmlPages.DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(HtmlPages.DIR)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Runs the checker over a directory of pages; its errors, one a line ({@code "file":line.col-line.col: error: …}). */
    static List<String> check(Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(Path.of("target"), "vnu", ".txt");
        Process vnu = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m",
                "-jar", JAR.toAbsolutePath().toString(), "--errors-only", "--format", "gnu", "--exit-zero-always",
                dir.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!vnu.waitFor(10, TimeUnit.MINUTES)) {
            vnu.destroyForcibly();
            throw new IllegalStateException("the Nu HTML checker did not finish within 10 minutes");
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.delete(out);
        List<String> errors = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(": error: ") || line.contains(": fatal: ")) {
                errors.add(line.replaceFirst("^\"file:[^\"]*/([^/\"]+)\"", "$1"));
            } else if (!line.isBlank() && !line.contains(": info")) {
                errors.add("checker: " + line); // anything else the checker says (a crash) counts as an error
            }
        }
        return errors;
    }

    /** The errors grouped by message (the same markup repeats on many pages): count, message, first pages. */
    static String summary(List<String> errors) {
        TreeMap<String, List<String>> byMessage = new TreeMap<>();
        for (String error : errors) {
            int at = error.indexOf(": error: ");
            String message = at < 0 ? error : error.substring(at + 2);
            String page = at < 0 ? "" : error.substring(0, at);
            byMessage.computeIfAbsent(message, m -> new ArrayList<>()).add(page);
        }
        List<String> lines = new ArrayList<>();
        byMessage.forEach((message, where) -> lines.add(where.size() + " x " + message + "  <- "
                + String.join(", ", where.subList(0, Math.min(3, where.size())))));
        return String.join("\n  ", lines);
    }
}
