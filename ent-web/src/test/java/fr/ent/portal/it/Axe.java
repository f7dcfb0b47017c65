package fr.ent.portal.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * axe-core (Deque's accessibility engine, fetched from the npm registry by the build: see ent-web/pom.xml) run by
 * Selenium in the page the browser shows. Only serious and critical violations are returned.
 */
public final class Axe {

    static final Path SCRIPT = Path.of(System.getProperty("axe.script",
            "target/axe/node_modules/axe-core/axe.min.js"));

    /** WCAG 2.0 and 2.1, levels A and AA (the RGAA's reference), plus axe's best practices. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                resultTypes: ['violations']
            }).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | ') }))))
              .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: '' }]));
            """;

    /** One serious or critical violation on one page. */
    public record Violation(String page, String language, String rule, String impact, String help, String targets) {
        @Override
        public String toString() {
            return "[" + impact + "] " + rule + " on " + page + " (" + language + "): " + help + " -> " + targets;
        }
    }

    /** The start of the reason given when axe-core is missing ({@link SkippedTestsReport} counts these). */
    static final String NOT_FETCHED = "axe-core is not installed";

    private final String source;

    private Axe(String source) {
        this.source = source;
    }

    /** The engine fetched by the build; without npm (outside CI) the accessibility tests are skipped. */
    public static Axe load() throws IOException {
        if (!Files.isReadable(SCRIPT)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("axe-core was not fetched by the build (npm missing?): " + SCRIPT);
            }
            Assumptions.abort(NOT_FETCHED + ": not in " + SCRIPT + " (the build fetches it with npm when npm is installed)");
        }
        return new Axe(Files.readString(SCRIPT, StandardCharsets.UTF_8));
    }

    /** Injects axe-core into the current page (again after each navigation) and returns its serious and critical findings. */
    @SuppressWarnings("unchecked")
    public List<Violation> check(Browser browser, String page, String language) {
        var driver = browser.driver();
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(source);
        }
        driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        Object found = driver.executeAsyncScript(RUN);
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<Object>) found) {
            Map<String, Object> v = (Map<String, Object>) item;
            violations.add(new Violation(page, language, String.valueOf(v.get("id")), String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")), String.valueOf(v.get("targets"))));
        }
        return violations;
    }
}
