package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import fr.ent.portal.it.AdminLettersIT.Web;

/**
 * Account administration in a browser, as a.moreau1 (school admin of the lycée): the list filtered by class and by
 * name, an account's page, its recovery email set then cleared, disabled then enabled, its sign-in hold lifted, a new
 * code printed whose letter signs in; two sessions on one account: the later change gets "changed by someone else",
 * nothing lost. The account acted on is i.garnier1 (Inès Garnier, lycée 1re C), which no other class uses; it ends
 * enabled, without email, with a new provisional code. Runs after AdminLettersIT (which re-issues l.martin1's code).
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 15)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminAccountsIT {

    static final String MOREAU = "a.moreau1";
    static final String INES = "i.garnier1";

    @Test
    @Order(1)
    void moreauFiltersTheListByClassAndByNameAndOpensAnAccount() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, MOREAU, AdminLettersIT.MOREAU_PASSWORD);
            WebDriver driver = browser.driver();
            browser.go("/admin/accounts");
            List<String> all = identifiers(driver);
            assertTrue(all.contains("a.moreau1") && all.contains("c.durand1"), all::toString); // staff and families
            assertFalse(all.contains("e.durand1"), "a collège pupil");

            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-division")))
                    .selectByValue("2nde B");
            SignInPages.submitAndWait(driver, By.id("filter-submit"));
            List<String> classB = identifiers(driver);
            assertTrue(classB.containsAll(List.of("l.martin1", "h.lefebvre1", "t.bernard1", "s.bernard1")), classB::toString);
            assertFalse(classB.contains("n.roux1"), "2nde A");
            assertTrue(driver.getCurrentUrl().contains("division=2nde+B"), "bookmarkable");

            browser.go("/admin/accounts");
            driver.findElement(By.id("filter-name")).sendKeys("Garn");
            SignInPages.submitAndWait(driver, By.id("filter-submit"));
            assertEquals(List.of(INES), identifiers(driver), "only the lycée's Garnier");
            assertEquals("1", driver.findElement(By.id("accounts-count")).getAttribute("data-count"));
            browser.screenshot("admin-accounts");

            SignInPages.submitAndWait(driver, By.cssSelector("a.account-link[data-identifier='" + INES + "']"));
            assertTrue(driver.getCurrentUrl().contains("/admin/account?id="), driver.getCurrentUrl());
            assertEquals(INES, driver.findElement(By.id("account-identifier")).getText());
            assertTrue(driver.getPageSource().contains("1re C"), "her class");
            assertTrue(browser.consoleErrors().isEmpty(), () -> "console errors: " + browser.consoleErrors());
        }
    }

    @Test
    @Order(2)
    void moreauSetsAndClearsTheEmailDisablesAndEnables() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, MOREAU, AdminLettersIT.MOREAU_PASSWORD);
            WebDriver driver = browser.driver();
            openInes(browser);

            driver.findElement(By.id("emailForm:email")).sendKeys("ines@garnier");
            SignInPages.submitAndWait(driver, By.id("emailForm:submit"));
            assertFalse(driver.findElements(By.cssSelector("#emailForm .ui-message-error")).isEmpty(),
                    "a refused address shows its message: " + driver.getPageSource());

            WebElement field = driver.findElement(By.id("emailForm:email"));
            field.clear();
            field.sendKeys("ines.garnier@example.org");
            SignInPages.submitAndWait(driver, By.id("emailForm:submit"));
            assertTrue(driver.getPageSource().contains("L’adresse électronique est enregistrée"), "flash message");
            assertEquals("ines.garnier@example.org", driver.findElement(By.id("account-email")).getAttribute("data-email"));
            assertFalse(driver.findElements(By.cssSelector(".pending-action[data-action='VERIFY_EMAIL']")).isEmpty());

            SignInPages.submitAndWait(driver, By.id("clearEmail:submit"));
            assertTrue(driver.getPageSource().contains("L’adresse électronique est effacée"));
            assertTrue(driver.findElement(By.id("account-email")).getAttribute("data-email") == null
                    || driver.findElement(By.id("account-email")).getAttribute("data-email").isEmpty());

            SignInPages.submitAndWait(driver, By.id("disable:submit"));
            assertEquals("DISABLED", status(driver));
            assertEquals(200, signIn(INES, "n’importe quoi", "198.51.100.241").statusCode(), "refused");
            SignInPages.submitAndWait(driver, By.id("enable:submit"));
            assertTrue(List.of("PROVISIONAL", "ACTIVE").contains(status(driver)));
            String events = driver.findElement(By.id("events")).getText();
            assertTrue(events.contains("ADMIN_ACCOUNT_DISABLED") && events.contains("ADMIN_ACCOUNT_ENABLED")
                    && events.contains("ADMIN_RECOVERY_EMAIL_SET") && events.contains("ADMIN_RECOVERY_EMAIL_CLEARED"), events);
            browser.screenshot("admin-account");
        }
    }

    @Test
    @Order(3)
    void moreauLiftsTheSignInHold() throws Exception {
        for (int i = 0; i < 6; i++) {
            signIn(INES, "Mauvais#Secret" + i, "198.51.100.242");
        }
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, MOREAU, AdminLettersIT.MOREAU_PASSWORD);
            WebDriver driver = browser.driver();
            openInes(browser);
            assertEquals("true", driver.findElement(By.id("account-held")).getAttribute("data-held"),
                    driver.findElement(By.id("account-held")).getText());
            SignInPages.submitAndWait(driver, By.id("unlock:submit"));
            assertTrue(driver.getPageSource().contains("La connexion est débloquée"));
            assertEquals("false", driver.findElement(By.id("account-held")).getAttribute("data-held"));
            assertTrue(driver.findElement(By.id("events")).getText().contains("ADMIN_ACCOUNT_UNLOCKED"));
        }
    }

    @Test
    @Order(4)
    void twoSessionsOnOneAccountTheLaterChangeIsRefusedNothingLost() throws Exception {
        try (Browser first = Browser.open("fr"); Browser second = Browser.open("fr")) {
            SignInPages.signIn(first, MOREAU, AdminLettersIT.MOREAU_PASSWORD);
            SignInPages.signIn(second, MOREAU, AdminLettersIT.MOREAU_PASSWORD);
            openInes(first);
            openInes(second);
            SignInPages.submitAndWait(first.driver(), By.id("disable:submit"));
            assertEquals("DISABLED", status(first.driver()));

            second.driver().findElement(By.id("emailForm:email")).sendKeys("ines.g@example.org");
            SignInPages.submitAndWait(second.driver(), By.id("emailForm:submit"));
            String page = second.driver().getPageSource();
            assertTrue(page.contains("modifié par quelqu’un d’autre"), page);
            assertEquals("ines.g@example.org", second.driver().findElement(By.id("emailForm:email")).getAttribute("value"),
                    "what was typed is still there");
            second.screenshot("admin-account-conflict");

            openInes(second); // reload: the other change is there, the email was not saved
            assertEquals("DISABLED", status(second.driver()));
            String email = second.driver().findElement(By.id("account-email")).getAttribute("data-email");
            assertTrue(email == null || email.isEmpty());
            SignInPages.submitAndWait(second.driver(), By.id("enable:submit"));
            assertTrue(List.of("PROVISIONAL", "ACTIVE").contains(status(second.driver())));
        }
    }

    @Test
    @Order(5)
    void moreauPrintsANewCodeFromTheAccountPageAndItSignsIn() throws Exception {
        Web moreau = Web.signedIn(MOREAU, AdminLettersIT.MOREAU_PASSWORD, "198.51.100.243");
        String id = AdminAccessIT.accountId(moreau, INES);
        String detail = moreau.get("/admin/account?id=" + id).body();
        assertTrue(detail.contains("/admin/letters?account=" + id), "the page offers the letter");
        String path = "/admin/letters?account=" + id;
        HttpResponse<String> letters = moreau.get(path);
        byte[] pdf = moreau.postForBytes(path, Web.form(letters.body(), "letter", "letter:reissue"));
        String code = AdminLettersIT.codesByIdentifier(pdf, 1).get(INES);
        assertNotNull(code);
        HttpResponse<String> signedIn = signIn(INES, code, "198.51.100.244");
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").contains("/first-connection"));
        assertTrue(moreau.get("/admin/account?id=" + id).body().contains("ADMIN_CODE_REISSUED"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static void openInes(Browser browser) {
        browser.go("/admin/accounts?identifier=" + INES);
        String id = browser.driver().findElement(By.cssSelector("a.account-link[data-identifier='" + INES + "']"))
                .getAttribute("data-account");
        browser.go("/admin/account?id=" + id);
    }

    static List<String> identifiers(WebDriver driver) {
        return driver.findElements(By.cssSelector("a.account-link")).stream()
                .map(a -> a.getAttribute("data-identifier")).toList();
    }

    static String status(WebDriver driver) {
        return driver.findElement(By.id("account-status")).getAttribute("data-status");
    }

    static HttpResponse<String> signIn(String identifier, String secret, String ip) {
        Http http = new Http();
        String page = http.get("/login").body();
        return http.post("/login", Http.loginForm(page, identifier, secret), "X-Forwarded-For", ip);
    }
}
