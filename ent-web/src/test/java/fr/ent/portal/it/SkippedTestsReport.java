package fr.ent.portal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Counts the black-box tests that were skipped because Chromium or axe-core is missing on this machine, and writes
 * a short note on how to run them to {@code target/skipped-tests.txt}. The build prints that file at the end of
 * {@code mvn verify} (profile {@code skipped-tests} of ent-web), so a newcomer whose build passed without a browser
 * knows what did not run. Registered through {@code META-INF/services}; a run with nothing skipped for those reasons
 * deletes the file (the fault drills' run of their own leaves it alone).
 */
public final class SkippedTestsReport implements TestExecutionListener {

    static final Path FILE = Path.of("target", "skipped-tests.txt");

    private final List<String> browser = new ArrayList<>();
    private final List<String> accessibility = new ArrayList<>();

    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    /** A test aborted for want of the browser or axe-core, or a class aborted in its set-up: each of its tests. */
    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
            return;
        }
        String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
        if (!reason.contains(Browser.NOT_INSTALLED) && !reason.contains(Axe.NOT_FETCHED)) {
            return;
        }
        List<TestIdentifier> tests = test.isTest() ? List.of(test)
                : plan.getDescendants(test).stream().filter(TestIdentifier::isTest).toList();
        for (TestIdentifier skipped : tests) {
            (skipped.getUniqueId().contains("AccessibilityIT") ? accessibility : browser).add(skipped.getUniqueId());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!System.getProperty("portal.db.suffix", "").isEmpty()) {
            return; // the drills' own run (profile drills) leaves the main suite's note alone
        }
        try {
            if (browser.isEmpty() && accessibility.isEmpty()) {
                Files.deleteIfExists(FILE);
                return;
            }
            Files.createDirectories(FILE.getParent());
            String text = """
                    %d browser tests and %d accessibility tests were SKIPPED: Debian's chromium and chromium-driver \
                    (and npm, for axe-core) are not installed on this machine.
                    To run them too: apt-get install chromium chromium-driver npm, then mvn verify again \
                    (or bash .ci/run, which installs them and also runs the PostgreSQL suites).
                    """.formatted(browser.size(), accessibility.size());
            Files.writeString(FILE, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
