package fr.ent.portal.it;

import static fr.ent.portal.it.JourneyPages.COLLEGE_ADMIN;
import static fr.ent.portal.it.JourneyPages.COLLEGE_ADMIN_PASSWORD;
import static fr.ent.portal.it.JourneyPages.assertAuditStays;
import static fr.ent.portal.it.JourneyPages.assertCalmPage;
import static fr.ent.portal.it.JourneyPages.auditCount;
import static fr.ent.portal.it.JourneyPages.doubleClick;
import static fr.ent.portal.it.JourneyPages.path;
import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Issue 8's bad input in a real browser: double clicks, the back button after a submit, an expired page and a reloaded
 * form on the sign-in, the first connection, the forgotten-password form and two admin actions (resolving a help
 * request, re-issuing a code). Each case: no duplicate action (counted in the audit log, read by the region), no stack
 * trace, a clear message. On e.renaud1 (demo data, collège, code DEMO4-RENAUD), which no other test uses.
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Order.DEFAULT + 19) // see junit-platform.properties
class BadInputBrowserIT {

    static final String RENAUD = "e.renaud1";
    static final String CODE = "DEMO4-RENAUD";
    static final String PASSWORD = "Trousse & compas 2026";
    static final String EXPIRED_FIRST_CONNECTION = "recommencez la connexion avec votre identifiant et votre code provisoire";
    static final String EXPIRED_PAGE = "La page était restée ouverte trop longtemps";
    /** The stale-form page (a form whose anti-forgery token or its cookie is gone, issue 21). */
    static final String STALE_FORM = "Rien n’a été enregistré";

    static Browser browser;
    static Http region;

    @BeforeAll
    static void open() throws Exception {
        browser = Browser.open("fr");
        region = JourneyPages.region("198.51.100.241");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void anExpiredFirstConnectionPageSendsBackToSignInWithAClearMessage() {
        signIn(browser, RENAUD, CODE);
        assertEquals("/first-connection", path(browser), loginError(browser));
        fillFirstConnection();
        browser.driver().manage().deleteAllCookies(); // the session ended meanwhile (30 min, a restart)
        SignInPages.submitAndWait(browser.driver(), By.id("firstConnection:submit"));
        // issue 21: the form's anti-forgery token was bound to a cookie the browser no longer has: the stale-form
        // page says so and sends back to the start (it used to be /login with the expiry message)
        String page = browser.driver().getPageSource();
        assertTrue(page.contains(STALE_FORM), "a clear message: " + page);
        assertEquals(0, auditCount(region, "FIRST_CONNECTION_COMPLETED", RENAUD), "nothing was done");
        browser.go("/login");
        assertEquals("/login", path(browser));
        assertCalmPage(browser);
    }

    @Test
    @Order(2)
    void aDoubleClickCompletesTheFirstConnectionOnce() {
        signIn(browser, RENAUD, CODE);
        assertEquals("/first-connection", path(browser), "the code still works: " + loginError(browser));
        fillFirstConnection();
        doubleClick(browser, By.id("firstConnection:submit"));
        assertEquals("/home", path(browser), browser.driver().getPageSource());
        assertCalmPage(browser);
        assertAuditStays(region, "FIRST_CONNECTION_COMPLETED", RENAUD, 1);
    }

    @Test
    @Order(3)
    void theBackButtonAfterTheFirstConnectionStaysSignedIn() {
        WebDriver driver = browser.driver();
        JourneyPages.back(browser);
        if (path(browser).equals("/first-connection")) { // a browser that shows its cached copy: sent again
            fillFirstConnection();
            SignInPages.submitAndWait(driver, By.id("firstConnection:submit"));
        }
        assertEquals("/home", path(browser), "back at home, still signed in");
        assertFalse(driver.getPageSource().contains(EXPIRED_FIRST_CONNECTION), "no 'start again' for a done step");
        assertCalmPage(browser);
        assertAuditStays(region, "FIRST_CONNECTION_COMPLETED", RENAUD, 1);
    }

    @Test
    @Order(4)
    void aStaleSignInFormDoubleClickedSignsInOnceAndTheBackButtonChangesNothing() {
        SignInPages.signOut(browser);
        long before = auditCount(region, "SIGN_IN_SUCCEEDED", RENAUD);
        WebDriver driver = browser.driver();
        browser.go("/login");
        driver.findElement(By.id("identifier")).sendKeys(RENAUD);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.manage().deleteAllCookies(); // a sign-in page whose browser lost its cookies (issue 21: its token too)
        doubleClick(browser, By.id("submit"));
        assertTrue(driver.getPageSource().contains(STALE_FORM), "the stale-form page: " + driver.getPageSource());
        assertAuditStays(region, "SIGN_IN_SUCCEEDED", RENAUD, before);

        browser.go("/login"); // the page's way back: a fresh form, double-clicked, signs in once
        driver.findElement(By.id("identifier")).sendKeys(RENAUD);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        doubleClick(browser, By.id("submit"));
        assertEquals("/home", path(browser), loginError(browser));
        assertCalmPage(browser);
        assertAuditStays(region, "SIGN_IN_SUCCEEDED", RENAUD, before + 1);

        JourneyPages.back(browser);
        assertCalmPage(browser);
        assertEquals("", loginError(browser), "no error for a form shown again");
        browser.go("/home");
        assertEquals("/home", path(browser), "still signed in");
        assertAuditStays(region, "SIGN_IN_SUCCEEDED", RENAUD, before + 1);
    }

    @Test
    @Order(5)
    void theForgottenPasswordFormSurvivesADoubleClickAReloadAndTheBackButton() {
        SignInPages.signOut(browser);
        long before = auditCount(region, "PASSWORD_RESET_REQUESTED", RENAUD);
        WebDriver driver = browser.driver();
        browser.go("/help/password");
        driver.findElement(By.id("forgottenPassword:typed")).sendKeys(RENAUD);
        doubleClick(browser, By.id("forgottenPassword:submit"));
        assertTrue(driver.findElement(By.id("answer")).getText().contains("Demande enregistrée"));
        assertCalmPage(browser);
        assertAuditStays(region, "PASSWORD_RESET_REQUESTED", RENAUD, before + 1);

        JourneyPages.reload(browser); // the answer is a page of its own (post-redirect-get): nothing is sent again
        assertTrue(driver.findElement(By.id("answer")).getText().contains("Demande enregistrée"));
        assertCalmPage(browser);

        JourneyPages.back(browser);
        assertTrue(path(browser).startsWith("/help/password"), path(browser));
        assertCalmPage(browser);
        assertAuditStays(region, "PASSWORD_RESET_REQUESTED", RENAUD, before + 1);
    }

    /** The request opened just above (a pupil without email): an expired page, then a double click, then back. */
    @Test
    @Order(6)
    void resolvingAHelpRequestSurvivesAnExpiredPageADoubleClickAndTheBackButton() throws Exception {
        long before = auditCount(region, "ADMIN_HELP_REQUEST_RESOLVED", COLLEGE_ADMIN);
        try (Browser admin = Browser.open("fr")) {
            signIn(admin, COLLEGE_ADMIN, COLLEGE_ADMIN_PASSWORD);
            WebDriver driver = admin.driver();
            String request = SchoolJourneyIT.awaitOpenRequest(admin, RENAUD);

            openResolveDialog(admin, request, "Rappelée au secrétariat");
            JourneyPages.expireView(admin, "resolve");
            SignInPages.submitAndWait(driver, By.id("resolve:submit"));
            assertTrue(driver.getPageSource().contains(EXPIRED_PAGE), "a clear message: " + driver.getPageSource());
            assertCalmPage(admin);
            assertFalse(driver.findElements(By.cssSelector("tr[data-request='" + request + "'][data-status='OPEN']")).isEmpty(),
                    "still open: nothing was done");
            assertEquals(before, auditCount(region, "ADMIN_HELP_REQUEST_RESOLVED", COLLEGE_ADMIN));

            openResolveDialog(admin, request, "Nouveau code remis en main propre");
            doubleClick(admin, By.id("resolve:submit"));
            assertTrue(driver.getPageSource().contains("Demande marquée comme traitée."), driver.getPageSource());
            assertFalse(driver.getPageSource().contains("déjà traitée"), "the second click did not answer an error");
            assertCalmPage(admin);
            assertAuditStays(region, "ADMIN_HELP_REQUEST_RESOLVED", COLLEGE_ADMIN, before + 1);

            JourneyPages.reload(admin); // the answer was a redirect: a reload sends nothing again
            assertCalmPage(admin);
            assertEquals(before + 1, auditCount(region, "ADMIN_HELP_REQUEST_RESOLVED", COLLEGE_ADMIN));

            JourneyPages.back(admin);
            assertCalmPage(admin);
            if (!driver.findElements(By.cssSelector("tr[data-request='" + request + "'] .resolve-open")).isEmpty()) {
                // a cached copy still offers the button: sent again, it is answered calmly and changes nothing
                openResolveDialog(admin, request, "encore");
                SignInPages.submitAndWait(driver, By.id("resolve:submit"));
                assertTrue(driver.getPageSource().contains("déjà traitée"), driver.getPageSource());
                assertCalmPage(admin);
            }
            assertAuditStays(region, "ADMIN_HELP_REQUEST_RESOLVED", COLLEGE_ADMIN, before + 1);
        }
    }

    /** The last step (e.renaud1's password and code are voided by it). */
    @Test
    @Order(7)
    void aDoubleClickOnReissueGivesOneNewCode() throws Exception {
        long account = JourneyPages.accountId(AdminRegionIT.signedIn(COLLEGE_ADMIN, COLLEGE_ADMIN_PASSWORD,
                "198.51.100.242"), RENAUD);
        long before = auditCount(region, "ADMIN_CODE_REISSUED", RENAUD);
        try (Browser admin = Browser.open("fr")) {
            Path downloads = JourneyPages.allowDownloads(admin);
            signIn(admin, COLLEGE_ADMIN, COLLEGE_ADMIN_PASSWORD);
            admin.go("/admin/letters?account=" + account);
            ((JavascriptExecutor) admin.driver()).executeScript(
                    "var b = arguments[0]; b.click(); setTimeout(function () { b.click(); }, 80);",
                    admin.driver().findElement(By.id("letter:reissue")));
            byte[] pdf = JourneyPages.awaitDownload(downloads, ".pdf", 0);
            String code = AdminLettersIT.codesByIdentifier(pdf, 1).get(RENAUD);
            assertAuditStays(region, "ADMIN_CODE_REISSUED", RENAUD, before + 1);
            assertCalmPage(admin);

            signIn(browser, RENAUD, code);
            assertEquals("/first-connection", path(browser), "the one new code works: " + loginError(browser));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void fillFirstConnection() {
        WebDriver driver = browser.driver();
        SignInPages.wait(driver).until(d -> !d.findElements(By.id("firstConnection:password")).isEmpty());
        driver.findElement(By.id("firstConnection:password")).sendKeys(PASSWORD);
        driver.findElement(By.id("firstConnection:confirmation")).sendKeys(PASSWORD);
        driver.findElement(By.id("firstConnection:charter")).click();
    }

    private static void openResolveDialog(Browser admin, String request, String note) {
        WebDriver driver = admin.driver();
        driver.findElement(By.cssSelector("tr[data-request='" + request + "'] .resolve-open")).click();
        SignInPages.wait(driver).until(d -> d.findElement(By.id("resolve:note")).isDisplayed());
        driver.findElement(By.id("resolve:note")).clear();
        driver.findElement(By.id("resolve:note")).sendKeys(note);
    }
}
