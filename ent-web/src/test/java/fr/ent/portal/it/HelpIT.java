package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * "Besoin d'aide": the guided page, a reset by mail (s.bernard1), the forgotten identifier, and answers that never
 * tell whether an account exists. Runs first among the black-box classes (s.bernard1's password is changed and put
 * back before SignInJourneyIT uses it).
 */
@ExtendWith(Portal.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HelpIT {

    static final String BERNARD_MAIL = "s.bernard@example.org";
    static final String BERNARD_PASSWORD = "Soleil#Rouge2026";
    static final String NEW_PASSWORD = "Marée haute à Saint-Malo 9";
    /** Generous bound for `mvn verify` on a busy 2-core machine; EnumerationBenchmark applies 10 ms. */
    static final long MEDIAN_BOUND_MILLIS = Long.getLong("enumeration.bound.millis", 50);
    static final int TRIES = Integer.getInteger("enumeration.tries", 100);

    @Test
    @Order(1)
    void theGuidedPageIsOneClickFromLoginAndLeadsToEachPath() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            WebDriver driver = browser.driver();
            browser.go("/login");
            driver.findElement(By.cssSelector(".help-link a")).click();
            SignInPages.wait(driver).until(d -> d.getCurrentUrl().endsWith("/help"));
            for (String id : List.of("case-letter", "case-identifier", "case-nothing", "case-forgot", "case-blocked",
                    "case-child", "case-browser")) {
                driver.findElement(By.cssSelector("#" + id + " > summary")).click();
            }
            assertTrue(driver.getPageSource().contains("navigation privée"), "browser advice");
            assertNoHorizontalScroll(browser, "help-1280");
            browser.phoneSize();
            assertNoHorizontalScroll(browser, "help-360");
            for (String page : List.of("/help/password", "/help/identifier", "/reset?token=" + "x".repeat(43))) {
                browser.go(page);
                assertNoHorizontalScroll(browser, "help" + page.replaceAll("[^a-z]+", "-") + "360");
            }
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            browser.go("/help/password");
            assertNoHorizontalScroll(browser, "help-password-1280");
            browser.go("/help/identifier");
            assertNoHorizontalScroll(browser, "help-identifier-1280");
            assertTrue(browser.consoleErrors().isEmpty(), () -> "console errors: " + browser.consoleErrors());
        }
    }

    @Test
    @Order(2)
    void sBernardResetsByMailAndEveryOtherSessionEnds() throws Exception {
        Http otherDevice = new Http();
        HttpResponse<String> signedIn = signIn(otherDevice, "s.bernard1", BERNARD_PASSWORD, "198.51.100.120");
        assertEquals(302, signedIn.statusCode(), "s.bernard1 signs in on another device first");
        assertEquals(200, otherDevice.get("/home").statusCode());

        try (Browser browser = Browser.open("fr")) {
            String link = requestResetLink(browser, "s.bernard1");
            browser.go(path(link));
            browser.screenshot("reset-1280");
            browser.phoneSize();
            assertNoHorizontalScroll(browser, "reset-360");
            choosePassword(browser, NEW_PASSWORD);
            assertTrue(browser.driver().getCurrentUrl().contains("/login"), browser.driver().getCurrentUrl());
            assertTrue(browser.driver().getPageSource().contains("Votre mot de passe est changé"));
            MimeMessage notice = Mailbox.await(BERNARD_MAIL, "a été modifié", 0);
            assertTrue(Mailbox.body(notice).contains("Sophie"), Mailbox.body(notice));

            Thread.sleep(2_100); // the per-session cache of the account's sign-out instant
            HttpResponse<String> after = otherDevice.get("/home");
            assertEquals(302, after.statusCode(), "the other device is signed out");
            assertTrue(after.headers().firstValue("Location").orElse("").contains("/login"));

            browser.go(path(link));
            assertEquals("ALREADY_USED", browser.driver().findElement(By.id("reset-result")).getAttribute("data-result"),
                    "the old link stops working");
        }
        HttpResponse<String> old = signIn(new Http(), "s.bernard1", BERNARD_PASSWORD, "198.51.100.121");
        assertEquals(200, old.statusCode(), "the old password stops working");
        assertTrue(old.body().contains("Identifiant ou mot de passe incorrect."));
        assertEquals(302, signIn(new Http(), "s.bernard1", NEW_PASSWORD, "198.51.100.122").statusCode(),
                "the new password works");

        // Put the demo password back for the other classes (a second link, which also voids nothing else).
        try (Browser browser = Browser.open("fr")) {
            browser.go(path(requestResetLink(browser, "s.bernard@example.org")));
            choosePassword(browser, BERNARD_PASSWORD);
        }
        assertEquals(302, signIn(new Http(), "s.bernard1", BERNARD_PASSWORD, "198.51.100.123").statusCode());
    }

    @Test
    @Order(3)
    void aForgottenIdentifierMailListsTheRepresentativeAndTheChild() throws Exception {
        int before = Mailbox.to(BERNARD_MAIL, "Rappel de votre identifiant").size();
        Http http = new Http();
        HttpResponse<String> answer = post(http, "/help/identifier", "forgottenIdentifier:email", BERNARD_MAIL,
                "198.51.100.130");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("Demande enregistrée"), answer.body());
        String body = Mailbox.body(Mailbox.await(BERNARD_MAIL, "Rappel de votre identifiant", before))
                .replace("=\r\n", "").replace("=\n", ""); // quoted-printable soft line breaks
        assertTrue(body.contains("s.bernard1"), body);
        assertTrue(body.contains("t.bernard1"), body);
        assertTrue(body.contains("Lyc=C3=A9e Camille Claudel") || body.contains("Lycée Camille Claudel"), body);
    }

    @Test
    @Order(4)
    void aPupilWithoutEmailGetsTheSameAnswerAndBadInputACalmOne() {
        Http http = new Http();
        HttpResponse<String> answer = post(http, "/help/password", "forgottenPassword:typed", "l.martin1", "198.51.100.140");
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("professeur principal"), answer.body());
        for (String junk : List.of("x".repeat(100_000), "\u0000\u0001'\"<script>", "a@b@c", " ")) {
            HttpResponse<String> calm = post(new Http(), "/help/password", "forgottenPassword:typed", junk, "198.51.100.141");
            assertTrue(calm.statusCode() == 200, "status " + calm.statusCode());
            assertFalse(calm.body().contains("<script>"), "nothing reflected");
            HttpResponse<String> calmToo = post(new Http(), "/help/identifier", "forgottenIdentifier:email", junk,
                    "198.51.100.142");
            assertEquals(200, calmToo.statusCode());
        }
        for (String token : List.of("", "forged", "A".repeat(43), "é".repeat(300))) {
            HttpResponse<String> refused = new Http().follow("/reset?token=" + java.net.URLEncoder.encode(token,
                    java.nio.charset.StandardCharsets.UTF_8), "X-Forwarded-For", "198.51.100.143");
            assertEquals(200, refused.statusCode());
            assertTrue(refused.body().contains("Lien non valable"), refused.body());
        }
    }

    /**
     * Existing and unknown identifiers and emails on every form: the same status and body, and median times over
     * {@link #TRIES} tries each within {@link #MEDIAN_BOUND_MILLIS}. The medians go to target/enumeration-medians.txt.
     */
    @Test
    @Order(5)
    void existingAndUnknownTargetsLookTheSameOnEveryForm() throws Exception {
        measureEveryForm(MEDIAN_BOUND_MILLIS, "enumeration-medians.txt", 0);
    }

    /** Compares every form; {@code firstSubnet} keeps the client addresses of separate runs apart. */
    static void measureEveryForm(long boundMillis, String reportFile, int firstSubnet) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(String.format(java.util.Locale.ROOT, "%d tries each, bound %d ms%n", TRIES, boundMillis));
        compare(report, "/help/password (identifier)", "/help/password", "forgottenPassword:typed", "n.roux1", "n.rouxx1",
                firstSubnet + 1, boundMillis);
        compare(report, "/help/password (email)", "/help/password", "forgottenPassword:typed", BERNARD_MAIL,
                "s.bernardd@example.org", firstSubnet + 2, boundMillis);
        compare(report, "/help/identifier", "/help/identifier", "forgottenIdentifier:email", BERNARD_MAIL,
                "s.bernardd@example.org", firstSubnet + 3, boundMillis);
        compare(report, "/login", "/login", "identifier", "n.roux1", "n.rouxx1", firstSubnet + 4, boundMillis);
        Files.writeString(Path.of("target", reportFile), report.toString());
        System.out.println(report);
    }

    private static void compare(StringBuilder report, String label, String path, String field, String existing,
                                String unknown, int subnet, long boundMillis) {
        compare(report, label, path, field, existing, unknown, subnet, boundMillis, Map.of());
    }

    /** As above, with {@code extra} fields put in every form (another secret on /login, for instance). */
    static void compare(StringBuilder report, String label, String path, String field, String existing,
                        String unknown, int subnet, long boundMillis, Map<String, String> extra) {
        for (int i = 0; i < TRIES / 5; i++) { // warm-up, not measured
            Http http = new Http();
            Map<String, String> form = form(http.get(path).body(), field, i % 2 == 0 ? existing : unknown);
            form.putAll(extra);
            http.post(path, form, "X-Forwarded-For", "10." + subnet + ".250." + (i + 1));
        }
        List<Long> existingTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        String existingBody = null;
        String unknownBody = null;
        for (int i = 0; i < TRIES; i++) {
            for (boolean known : new boolean[] {i % 2 == 0, i % 2 != 0}) { // alternate which goes first
                Http http = new Http();
                String page = http.get(path).body();
                Map<String, String> form = form(page, field, known ? existing : unknown);
                form.putAll(extra);
                long start = System.nanoTime();
                HttpResponse<String> answer = http.post(path, form, "X-Forwarded-For",
                        "10." + subnet + "." + (i / 200) + "." + (i % 200 + 1));
                long took = System.nanoTime() - start;
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 302, label + ": " + answer.statusCode());
                String body = normalized(answer.body()).replace(known ? existing : unknown, "TYPED");
                if (known) {
                    existingTimes.add(took);
                    existingBody = body;
                } else {
                    unknownTimes.add(took);
                    unknownBody = body;
                }
            }
        }
        assertEquals(existingBody, unknownBody, label + ": the same page for an existing and an unknown target");
        double existingMedian = median(existingTimes) / 1e6;
        double unknownMedian = median(unknownTimes) / 1e6;
        report.append(String.format(java.util.Locale.ROOT, "%s: existing %.1f ms, unknown %.1f ms, difference %.1f ms%n",
                label, existingMedian, unknownMedian, Math.abs(existingMedian - unknownMedian)));
        assertTrue(Math.abs(existingMedian - unknownMedian) < boundMillis, report::toString);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static String requestResetLink(Browser browser, String typed) throws Exception {
        int before = Mailbox.to(BERNARD_MAIL, "Choisissez un nouveau mot de passe").size();
        WebDriver driver = browser.driver();
        browser.go("/help/password");
        driver.findElement(By.id("forgottenPassword:typed")).sendKeys(typed);
        SignInPages.submitAndWait(driver, By.id("forgottenPassword:submit"));
        assertTrue(driver.findElement(By.id("answer")).getText().contains("Demande enregistrée"));
        MimeMessage mail = Mailbox.await(BERNARD_MAIL, "Choisissez un nouveau mot de passe", before);
        return Mailbox.link(mail, "/reset?token=").orElseThrow(() -> new AssertionError(Mailbox.body(mail)));
    }

    private static void choosePassword(Browser browser, String password) {
        WebDriver driver = browser.driver();
        SignInPages.wait(driver).until(d -> !d.findElements(By.id("reset:password")).isEmpty());
        driver.findElement(By.id("reset:password")).sendKeys(password);
        driver.findElement(By.id("reset:confirmation")).sendKeys(password);
        SignInPages.submitAndWait(driver, By.id("reset:submit"));
    }

    private static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static HttpResponse<String> signIn(Http http, String identifier, String password, String ip) {
        String page = http.get("/login").body();
        return http.post("/login", Http.loginForm(page, identifier, password), "X-Forwarded-For", ip);
    }

    /** Posts the form and, as a browser does, follows the answer's redirect (post-redirect-get). */
    private static HttpResponse<String> post(Http http, String path, String field, String value, String ip) {
        String page = http.get(path).body();
        HttpResponse<String> answer = http.post(path, form(page, field, value), "X-Forwarded-For", ip);
        if (answer.statusCode() == 302 || answer.statusCode() == 303) {
            URI next = URI.create(answer.headers().firstValue("Location").orElseThrow());
            return http.get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()),
                    "X-Forwarded-For", ip);
        }
        return answer;
    }

    /** The page's hidden fields and nonce, the one typed field, and the submit button of its form. */
    private static Map<String, String> form(String page, String field, String value) {
        Map<String, String> form = Http.loginForm(page, "", "");
        form.remove("identifier");
        form.remove("password");
        form.remove("submit");
        form.put(field, value);
        String formId = field.contains(":") ? field.substring(0, field.indexOf(':')) : null;
        if (formId == null) {
            form.put("password", "Wrong#Password1");
            form.put("submit", "");
        } else {
            form.put(formId, formId);
            form.put(formId + ":submit", "");
        }
        return form;
    }

    private static void assertNoHorizontalScroll(Browser browser, String screenshot) throws Exception {
        browser.screenshot(screenshot);
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, screenshot + ": horizontal scrolling of " + overflow + " px");
    }

    static String normalized(String body) {
        return body.replaceAll("nonce-?[=\"]?[A-Za-z0-9+/=_-]{16,}", "NONCE")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"N\"")
                .replaceAll("PrimeFaces.csp.init\\('[^']*'\\)", "INIT")
                .replaceAll("(name=\"jakarta.faces.ViewState\"[^>]*value=\")[^\"]*\"", "$1VS\"")
                .replaceAll("(name=\"(ent_form_token|primefaces.nonce)\" value=\")[^\"]*\"", "$1X\"");
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
