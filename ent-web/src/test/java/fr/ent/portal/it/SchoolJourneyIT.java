package fr.ent.portal.it;

import static fr.ent.portal.it.JourneyPages.COLLEGE_ADMIN;
import static fr.ent.portal.it.JourneyPages.COLLEGE_ADMIN_PASSWORD;
import static fr.ent.portal.it.JourneyPages.path;
import static fr.ent.portal.it.JourneyPages.tabTo;
import static fr.ent.portal.it.JourneyPages.typeHere;
import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.submitAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/**
 * Issue 8's school journeys in real browsers, on accounts this class creates: b.garnier1 (school admin of the collège)
 * imports two new pupils of a new class "4e J" (CSV upload, preview, confirmation), prints the class's letters (the
 * PDF is received by the browser), n.perrot1 goes from that letter to home with the keyboard only, m.perrot1 lost the
 * letter and asks for help, and b.garnier1 re-issues the code (the old one is refused, the new one works) and resolves
 * the request. Nothing else imports into the collège, so this import ends nobody's enrollment.
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Order.DEFAULT + 16) // see junit-platform.properties
class SchoolJourneyIT {

    static final String DIVISION = "4e J";
    static final String CSV = "Identifiant élève;Nom;Prénom;Date de naissance;Division\n"
            + "P860001;Perrot;Noa;14/05/2011;4e J\n"
            + "P860002;Perrot;Maël;02/10/2011;4e J\n";
    static final String NOA = "n.perrot1";
    static final String MAEL = "m.perrot1";
    static final String NOA_PASSWORD = "Cartable vert 2026!";

    static Browser admin;
    static Browser pupil;
    static Path downloads;
    static String college;
    static Map<String, String> codes;

    @BeforeAll
    static void browsers() throws Exception {
        admin = Browser.open("fr");
        downloads = JourneyPages.allowDownloads(admin);
        pupil = Browser.open("fr");
    }

    @AfterAll
    static void close() {
        if (admin != null) {
            admin.close();
        }
        if (pupil != null) {
            pupil.close();
        }
    }

    @Test
    @Order(1)
    void aSchoolAdminImportsTwoPupilsAndPrintsTheirLetters() throws Exception {
        signIn(admin, COLLEGE_ADMIN, COLLEGE_ADMIN_PASSWORD);
        admin.go("/admin/import");
        college = admin.driver().findElement(By.id("import")).getAttribute("data-establishment");
        Path file = Files.createTempDirectory("journey").resolve("import-4e-J.csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);

        AdminImportIT.upload(admin, file);
        assertEquals(2, AdminImportIT.count(admin, "count-create"), AdminImportIT.text(admin, "counts"));
        assertEquals(0, AdminImportIT.count(admin, "count-errors"));
        assertEquals(0, AdminImportIT.count(admin, "count-ends"), "nobody's enrollment ends");
        assertTrue(AdminImportIT.text(admin, "new-divisions").contains(DIVISION));
        admin.driver().findElement(By.id("result:confirm")).click();
        AdminImportIT.waitFor(admin, By.id("result:summary"), "Import terminé");
        assertTrue(AdminImportIT.info(admin).contains("2 comptes créés"), AdminImportIT.info(admin));

        WebDriver driver = admin.driver();
        admin.go("/admin/letters?establishment=" + college + "&division=" + URLEncoder.encode(DIVISION, StandardCharsets.UTF_8));
        List<String> roll = driver.findElements(By.cssSelector("#roll .roll__pupil")).stream()
                .map(li -> li.getAttribute("data-identifier")).sorted().toList();
        assertEquals(List.of(MAEL, NOA), roll, "the imported pupils, with their new identifiers");
        driver.findElement(By.id("print:start")).click();
        SignInPages.wait(driver).withTimeout(Duration.ofSeconds(90))
                .until(d -> !d.findElements(By.id("print:download")).isEmpty());
        assertEquals("2", driver.findElement(By.id("print-done")).getAttribute("data-printed"));
        int before = JourneyPages.downloads(downloads, ".pdf");
        clickWithoutWaiting(admin, By.id("print:download"));
        byte[] pdf = JourneyPages.awaitDownload(downloads, ".pdf", before);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.ISO_8859_1), "a PDF reached the browser");
        codes = AdminLettersIT.codesByIdentifier(pdf, 2);
        assertEquals(List.of(MAEL, NOA), codes.keySet().stream().sorted().toList(), codes.keySet().toString());
    }

    /** Letter → /login → first connection → home, Tab/Enter/Space only, the focus visible and in reading order. */
    @Test
    @Order(2)
    void aPupilGoesFromTheLetterToHomeWithTheKeyboardOnly() {
        Browser browser = pupil;
        browser.go("/login");
        List<String> toIdentifier = tabTo(browser, "identifier", 8);
        assertEquals("a.skip-link", toIdentifier.get(0), "the first stop skips to the content: " + toIdentifier);
        typeHere(browser, NOA);
        tabTo(browser, "password", 1);
        typeHere(browser, codes.get(NOA).toLowerCase()); // as typed from the letter, case does not matter
        tabTo(browser, "remember", 2);
        tabTo(browser, "submit", 1);
        JourneyPages.pressAndWait(browser, Keys.ENTER);
        assertEquals("/first-connection", path(browser), loginError(browser));

        List<String> toPassword = tabTo(browser, "firstConnection:password", 8);
        assertEquals("a.skip-link", toPassword.get(0), toPassword.toString());
        typeHere(browser, NOA_PASSWORD);
        tabTo(browser, "firstConnection:confirmation", 2);
        typeHere(browser, NOA_PASSWORD);
        tabTo(browser, "firstConnection:charter", 6);
        JourneyPages.press(browser, Keys.SPACE);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.getElementById('firstConnection:charter').checked;"), "Space ticks the charter");
        tabTo(browser, "firstConnection:submit", 2);
        JourneyPages.pressAndWait(browser, Keys.ENTER);
        assertEquals("/home", path(browser), browser.driver().getPageSource());
        assertTrue(browser.driver().findElement(By.cssSelector(".portal-user__name")).getText().contains(NOA));
        JourneyPages.assertCalmPage(browser);

        SignInPages.signOut(browser);
        signIn(browser, NOA, NOA_PASSWORD);
        assertEquals("/home", path(browser), "the chosen password signs in: " + loginError(browser));
        SignInPages.signOut(browser);
    }

    /** m.perrot1 lost the letter: a help request, a new letter (old code refused, new one works), the request resolved. */
    @Test
    @Order(3)
    void aSchoolAdminReissuesALostCodeAndResolvesTheHelpRequest() throws Exception {
        String lostCode = codes.get(MAEL);
        pupil.go("/help/password");
        pupil.driver().findElement(By.id("forgottenPassword:typed")).sendKeys(MAEL);
        submitAndWait(pupil.driver(), By.id("forgottenPassword:submit"));
        assertTrue(pupil.driver().findElement(By.id("answer")).getText().contains("Demande enregistrée"));

        WebDriver driver = admin.driver();
        String request = awaitOpenRequest(admin, MAEL);
        driver.findElement(By.cssSelector("tr[data-request='" + request + "'] a[href*='/admin/letters?account=']")).click();
        SignInPages.wait(driver).until(d -> !d.findElements(By.id("letter:reissue")).isEmpty());
        assertEquals(MAEL, driver.findElement(By.id("subject-identifier")).getText());
        int before = JourneyPages.downloads(downloads, ".pdf");
        clickWithoutWaiting(admin, By.id("letter:reissue"));
        byte[] pdf = JourneyPages.awaitDownload(downloads, ".pdf", before);
        String newCode = AdminLettersIT.codesByIdentifier(pdf, 1).get(MAEL);
        assertNotEquals(lostCode, newCode);

        signIn(pupil, MAEL, lostCode);
        assertEquals("Identifiant ou mot de passe incorrect.", loginError(pupil), "the lost letter's code is refused");
        signIn(pupil, MAEL, newCode);
        assertEquals("/first-connection", path(pupil), "the new letter's code works: " + loginError(pupil));

        admin.go("/admin/help-requests?status=OPEN");
        driver.findElement(By.cssSelector("tr[data-request='" + request + "'] .resolve-open")).click();
        SignInPages.wait(driver).until(d -> d.findElement(By.id("resolve:note")).isDisplayed());
        driver.findElement(By.id("resolve:note")).sendKeys("Nouvelle lettre remise à Maël le " + java.time.LocalDate.now());
        submitAndWait(driver, By.id("resolve:submit"));
        assertTrue(driver.getPageSource().contains("Demande marquée comme traitée."), driver.getPageSource());
        admin.go("/admin/help-requests?status=OPEN");
        assertTrue(driver.findElements(By.cssSelector("tr[data-request='" + request + "']")).isEmpty(), "no longer open");
        admin.go("/admin/help-requests?status=RESOLVED");
        assertFalse(driver.findElements(By.cssSelector("tr[data-request='" + request + "']")).isEmpty(), "resolved");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A button that answers a download leaves the page in place: click it without waiting for a new page. */
    static void clickWithoutWaiting(Browser browser, By button) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();",
                browser.driver().findElement(button));
    }

    /** The id of the open help request of {@code identifier} (it opens in the background: up to 20 s). */
    static String awaitOpenRequest(Browser admin, String identifier) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            admin.go("/admin/help-requests?status=OPEN");
            var rows = admin.driver().findElements(By.cssSelector("tr[data-identifier='" + identifier + "'][data-status='OPEN']"));
            if (!rows.isEmpty()) {
                return rows.get(0).getAttribute("data-request");
            }
            JourneyPages.pause(300);
        }
        throw new AssertionError("no open help request of " + identifier + " at /admin/help-requests");
    }

    static String code(String text) {
        Matcher m = AdminLettersIT.CODE.matcher(text);
        assertTrue(m.find(), text);
        return m.group();
    }
}
