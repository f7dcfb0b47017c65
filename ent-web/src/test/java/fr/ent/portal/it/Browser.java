package fr.ent.portal.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Headless Debian Chromium driven through Debian's chromedriver (never a downloaded browser).
 * Outside CI a machine without Chromium skips the browser tests; on CI ({@code CI=true}) they fail.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    /** The start of the reason given when the browser is missing ({@link SkippedTestsReport} counts these). */
    static final String NOT_INSTALLED = "Debian chromium and chromium-driver are not installed";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open(String language) throws IOException {
        return open(language, true);
    }

    /** A browser whose pages run no script (issue 21, item 3): Chromium's JavaScript content setting blocked. */
    public static Browser openWithoutScript(String language) throws IOException {
        return open(language, false);
    }

    private static Browser open(String language, boolean script) throws IOException {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort(NOT_INSTALLED + " (.ci/run installs them)");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(),
                "--lang=" + language, "--window-size=1280,900");
        options.setExperimentalOption("prefs", script ? Map.of("intl.accept_languages", language)
                : Map.of("intl.accept_languages", language, "profile.managed_default_content_settings.javascript", 2));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(Portal.url(path).toString());
        HtmlPages.keep(driver, "go-" + path); // for the Nu HTML checker (HtmlCheckIT)
    }

    public void phoneSize() {
        driver.manage().window().setSize(new Dimension(360, 740));
    }

    /** Console messages at SEVERE level (errors) since the last call. */
    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /** Saves a screenshot as target/screenshots/NAME.png. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path target = dir.resolve(name + ".png");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
