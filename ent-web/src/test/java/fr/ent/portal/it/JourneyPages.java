package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Page objects of the issue-8 journeys: the keyboard (Tab, Enter, Space and where the focus is), downloads received
 * by the browser, the double click, an expired page, and the audit log read by the region to count what happened.
 */
final class JourneyPages {

    static final String REGION = "r.admin1";
    static final String REGION_PASSWORD = "Region#Academie2026";
    static final String COLLEGE_ADMIN = "b.garnier1";
    static final String COLLEGE_ADMIN_PASSWORD = "Registre#College2026";

    private JourneyPages() {
    }

    // ---- keyboard ---------------------------------------------------------------------------------------------

    /** Where the focus is: the element's id, else its tag and first class; and whether a focus indicator shows. */
    record Focus(String name, boolean visible) {
    }

    private static final String FOCUS_SCRIPT = """
            var e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) { return ['body', false]; }
            var name = e.id || (e.tagName.toLowerCase() + (e.classList.length ? '.' + e.classList[0] : ''));
            function shows(el) {
              var cs = getComputedStyle(el);
              var outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1;
              var shadow = cs.boxShadow && cs.boxShadow !== 'none';
              var r = el.getBoundingClientRect();
              return (outline || shadow) && r.width > 1 && r.height > 1;
            }
            // PrimeFaces checkboxes and radios focus a visually hidden input and draw the focus on their box
            var proxy = e.closest('.ui-helper-hidden-accessible')
                ? e.closest('.ui-chkbox, .ui-radiobutton') : null;
            var box = proxy ? proxy.querySelector('.ui-chkbox-box, .ui-radiobutton-box') : null;
            return [name, shows(e) || (box !== null && shows(box))];
            """;

    static Focus focus(Browser browser) {
        List<?> answer = (List<?>) ((JavascriptExecutor) browser.driver()).executeScript(FOCUS_SCRIPT);
        return new Focus(String.valueOf(answer.get(0)), Boolean.TRUE.equals(answer.get(1)));
    }

    static void press(Browser browser, CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** Types into whatever has the focus, as a keyboard does. */
    static void typeHere(Browser browser, String text) {
        new Actions(browser.driver()).sendKeys(text).perform();
    }

    /**
     * Presses Tab until the element {@code id} has the focus, at most {@code max} times; returns every stop on the way
     * (the target last). Each stop must show a focus indicator (waiting briefly for CSS transitions).
     */
    static List<String> tabTo(Browser browser, String id, int max) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            press(browser, Keys.TAB);
            Focus focus = waitForVisibleFocus(browser);
            stops.add(focus.name());
            assertTrue(focus.visible(), "no visible focus on " + focus.name() + " (stops so far: " + stops + ")");
            if (focus.name().equals(id)) {
                return stops;
            }
        }
        throw new AssertionError("Tab never reached #" + id + " in " + max + " presses: " + stops);
    }

    private static Focus waitForVisibleFocus(Browser browser) {
        Instant deadline = Instant.now().plusMillis(1500);
        Focus focus = focus(browser);
        while (!focus.visible() && Instant.now().isBefore(deadline)) {
            pause(50);
            focus = focus(browser);
        }
        return focus;
    }

    /** Presses a key that sends the page's form (Enter on a button) and waits for the answer page. */
    static void pressAndWait(Browser browser, CharSequence key) {
        String marker = markPage(browser.driver());
        press(browser, key);
        awaitNewPage(browser.driver(), marker);
    }

    // ---- double click, expired page ------------------------------------------------------------------------------

    /**
     * A double click as people make it on a button that sends its form: the second click comes 40 ms after the first,
     * while the first request is under way (both dispatched by the page itself: a WebDriver click would wait for the
     * first answer). Waits for the answer page.
     */
    static void doubleClick(Browser browser, By button) {
        WebDriver driver = browser.driver();
        WebElement element = driver.findElement(button);
        String marker = markPage(driver);
        ((JavascriptExecutor) driver).executeScript(
                "var b = arguments[0]; b.click(); setTimeout(function () { b.click(); }, 40);", element);
        awaitNewPage(driver, marker);
    }

    /** The page was left open too long: its server-side view is gone (the view state no longer names one). */
    static void expireView(Browser browser, String formId) {
        Object changed = ((JavascriptExecutor) browser.driver()).executeScript("""
                var n = 0;
                document.querySelectorAll('form[id="' + arguments[0] + '"] input[name="jakarta.faces.ViewState"]')
                    .forEach(function (i) { i.value = '-1234567890123456789:-987654321098765432'; n++; });
                return n;""", formId);
        assertTrue(((Number) changed).intValue() > 0, "the form " + formId + " holds a view state");
    }

    /** The browser's back button; waits for the page it shows. */
    static void back(Browser browser) {
        String marker = markPage(browser.driver());
        browser.driver().navigate().back();
        awaitNewPage(browser.driver(), marker);
    }

    /** The browser's reload button; waits for the page. */
    static void reload(Browser browser) {
        String marker = markPage(browser.driver());
        browser.driver().navigate().refresh();
        awaitNewPage(browser.driver(), marker);
    }

    static String markPage(WebDriver driver) {
        String marker = "ent-journey-" + System.nanoTime();
        ((JavascriptExecutor) driver).executeScript("window['" + marker + "'] = true;");
        return marker;
    }

    static void awaitNewPage(WebDriver driver, String marker) {
        SignInPages.wait(driver).ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return window['" + marker + "'] === undefined && document.readyState === 'complete'")));
    }

    /** What a person must never see: a stack trace, an exception's name, an error page. */
    static void assertCalmPage(Browser browser) {
        String page = browser.driver().getPageSource();
        for (String never : List.of("Exception:", "java.lang.", "ViewExpiredException", "at fr.ent.portal",
                "HTTP Status 500", "Stack Trace")) {
            assertFalse(page.contains(never), "'" + never + "' on " + browser.driver().getCurrentUrl());
        }
        assertTrue(browser.driver().findElements(By.id("error-heading")).isEmpty(),
                "an error page at " + browser.driver().getCurrentUrl() + ": " + browser.driver().getTitle());
    }

    static String path(Browser browser) {
        return FamilyPages.path(browser);
    }

    // ---- downloads --------------------------------------------------------------------------------------------

    /** Lets the browser save downloads (attachments) into a fresh folder, returned. */
    static Path allowDownloads(Browser browser) throws IOException {
        Path dir = Files.createTempDirectory("ent-downloads");
        Map<String, Object> params = Map.of("behavior", "allow", "downloadPath", dir.toAbsolutePath().toString());
        try {
            browser.driver().executeCdpCommand("Browser.setDownloadBehavior", params);
        } catch (WebDriverException olderBrowser) {
            browser.driver().executeCdpCommand("Page.setDownloadBehavior", params);
        }
        return dir;
    }

    /** Waits (60 s at most) for a new complete file ending with {@code suffix} in the folder; returns its bytes. */
    static byte[] awaitDownload(Path dir, String suffix, int alreadyThere) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<Path> done;
            try (Stream<Path> files = Files.list(dir)) {
                done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
            }
            if (done.size() > alreadyThere) {
                Path last = newest(done);
                byte[] bytes = Files.readAllBytes(last);
                if (bytes.length > 0) {
                    return bytes;
                }
            }
            pause(100);
        }
        try (Stream<Path> files = Files.list(dir)) {
            throw new AssertionError("no " + suffix + " received in 60 s; the folder holds " + files.toList());
        }
    }

    static int downloads(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static Path newest(List<Path> files) throws IOException {
        Path newest = files.get(0);
        for (Path f : files) {
            if (Files.getLastModifiedTime(f).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                newest = f;
            }
        }
        return newest;
    }

    // ---- audit log (the region sees every event) ---------------------------------------------------------------

    /** How many events of {@code type} the audit log holds for {@code identifier}, read by the region. */
    static long auditCount(Http region, String type, String identifier) {
        HttpResponse<String> page = region.get("/admin/audit?type=" + type + "&identifier="
                + URLEncoder.encode(identifier, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode(), page.body());
        Matcher count = Pattern.compile("data-count=\"(\\d+)\"").matcher(page.body());
        assertTrue(count.find(), page.body());
        return Long.parseLong(count.group(1));
    }

    /** Asserts that the count stays at {@code expected} for a moment (a second request would land within it). */
    static void assertAuditStays(Http region, String type, String identifier, long expected) {
        Instant until = Instant.now().plusMillis(1500);
        do {
            assertEquals(expected, auditCount(region, type, identifier), type + " for " + identifier);
            pause(250);
        } while (Instant.now().isBefore(until));
    }

    /** Waits (20 s at most: some events are written in the background) for the count to reach {@code expected}. */
    static void awaitAudit(Http region, String type, String identifier, long expected) {
        Instant deadline = Instant.now().plusSeconds(20);
        long seen = auditCount(region, type, identifier);
        while (seen < expected && Instant.now().isBefore(deadline)) {
            pause(200);
            seen = auditCount(region, type, identifier);
        }
        assertEquals(expected, seen, type + " for " + identifier);
    }

    static Http region(String ip) {
        return AdminRegionIT.signedIn(REGION, REGION_PASSWORD, ip);
    }

    /** The account id of {@code identifier} from the accounts page of whoever {@code admin} is. */
    static long accountId(Http admin, String identifier) {
        HttpResponse<String> page = admin.get("/admin/accounts?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        Matcher m = Pattern.compile("data-identifier=\"" + Pattern.quote(identifier) + "\" data-account=\"(\\d+)\"")
                .matcher(page.body());
        assertTrue(m.find(), identifier + " in " + page.body());
        return Long.parseLong(m.group(1));
    }

    /** A mail's text, decoded (quoted-printable, UTF-8), the first text part of a multipart mail. */
    static String text(jakarta.mail.internet.MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return String.valueOf(parts.getBodyPart(i).getContent());
                }
            }
            return String.valueOf(parts.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
