package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21, item 3: the public forms need no script. Their anti-forgery token (hidden field {@code ent_form_token},
 * bound to the {@code ent_form} cookie, signed, with an expiry) is checked before any page work; a missing, forged,
 * foreign or replayed token gets the stale-form page (400) and nothing is done. A browser with JavaScript disabled
 * signs in, completes a first connection, verifies its email and resets its password.
 */
@ExtendWith(Portal.class)
class NoScriptFormsIT {

    static final String BERNARD = "s.bernard1";
    static final String BERNARD_PASSWORD = "Soleil#Rouge2026";
    /** A demo pupil of Toulouse only this class uses (provisional code DEMO5-NOSCRIPT). */
    static final String PUPIL = "z.sanscript1";
    static final String CODE = "DEMO5-NOSCRIPT";
    static final String EMAIL = "z.sanscript@example.org";
    static final String FIRST_PASSWORD = "Plume#Verte2026";
    static final String RESET_PASSWORD = "Lune#Claire2027";
    static final String STALE = "Rien n’a été enregistré";

    private static Map<String, String> loginForm(Http http) {
        return Http.loginForm(http.get("/login").body(), BERNARD, BERNARD_PASSWORD);
    }

    private static void assertStale(HttpResponse<String> answer, String what) {
        assertEquals(400, answer.statusCode(), what + ": " + answer.body());
        assertTrue(answer.body().contains(STALE), what + ": the stale-form page");
        assertTrue(answer.headers().firstValue("Location").isEmpty(), what + ": not signed in");
    }

    @Test
    void aPlainFormPostWithItsTokenSignsIn() {
        Http http = new Http();
        Map<String, String> form = loginForm(http);
        assertNotNull(form.get("ent_form_token"), "the token is in the page's form");
        assertNotNull(form.get("primefaces.nonce"), "the nonce is in the form itself, not added by script");
        HttpResponse<String> signedIn = http.post("/login", form, "X-Forwarded-For", "198.51.100.221");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
    }

    /**
     * Issue 21, item 1: a filled-in sign-in form is answered before any Faces view is restored. A post of only the
     * three fields a person fills in and the token (no Faces view state, no form marker: Faces would not even see a
     * postback in it, and would show the page again) signs in; an empty field and a wrong password still get the page
     * with its messages, the identifier kept.
     */
    @Test
    void theSignInFormIsAnsweredWithoutFacesAndItsRefusalsByThePage() {
        Http http = new Http();
        Map<String, String> page = loginForm(http);
        Map<String, String> bare = new java.util.HashMap<>(Map.of("identifier", BERNARD, "password", BERNARD_PASSWORD,
                "ent_form_token", page.get("ent_form_token")));
        HttpResponse<String> signedIn = http.post("/login", bare, "X-Forwarded-For", "198.51.100.230");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/home"),
                signedIn.headers().firstValue("Location").toString());
        assertEquals(200, http.get("/home").statusCode(), "signed in");

        Http other = new Http();
        Map<String, String> wrong = loginForm(other);
        wrong.put("identifier", "x.inconnu1"); // no such account: refused like a wrong password, no one's counter
        wrong.put("password", "Pas#LeBon2026");
        HttpResponse<String> refused = other.post("/login", wrong, "X-Forwarded-For", "198.51.100.231");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("data-error-summary=\"true\""), "the error summary: " + refused.body());
        assertTrue(refused.body().contains("value=\"x.inconnu1\""), "the identifier kept");

        Map<String, String> empty = loginForm(other);
        empty.put("password", "");
        HttpResponse<String> required = other.post("/login", empty, "X-Forwarded-For", "198.51.100.231");
        assertEquals(200, required.statusCode());
        assertTrue(required.body().contains("data-error-summary=\"true\""), "the page's required message");
    }

    @Test
    void aMissingTokenIsRefused() {
        Http http = new Http();
        Map<String, String> form = loginForm(http);
        form.remove("ent_form_token");
        assertStale(http.post("/login", form, "X-Forwarded-For", "198.51.100.222"), "no token");
    }

    @Test
    void aForgedTokenIsRefused() {
        Http http = new Http();
        Map<String, String> form = loginForm(http);
        String token = form.get("ent_form_token");
        form.put("ent_form_token", "9999999999" + token.substring(token.indexOf('.')));
        assertStale(http.post("/login", form, "X-Forwarded-For", "198.51.100.223"), "expiry moved");
        form.put("ent_form_token", token.substring(0, token.indexOf('.')) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertStale(http.post("/login", form, "X-Forwarded-For", "198.51.100.223"), "signature made up");
    }

    @Test
    void anotherBrowsersTokenIsRefused() {
        Http attacker = new Http();
        Map<String, String> form = loginForm(attacker);
        Http victim = new Http();
        victim.get("/login"); // the victim's own binding
        assertStale(victim.post("/login", form, "X-Forwarded-For", "198.51.100.224"), "token bound to another browser");
        Http fresh = new Http();
        assertStale(fresh.post("/login", form, "X-Forwarded-For", "198.51.100.224"), "a browser without binding");
    }

    @Test
    void anotherOriginIsRefusedEvenWithAValidToken() {
        Http http = new Http();
        assertStale(http.post("/login", loginForm(http), "Origin", "https://evil.example", "X-Forwarded-For",
                "198.51.100.225"), "another origin");
    }

    @Test
    void aFormReplayedAfterSignOutIsRefused() {
        Http http = new Http();
        Map<String, String> form = loginForm(http);
        HttpResponse<String> signedIn = http.post("/login", form, "X-Forwarded-For", "198.51.100.226");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        HttpResponse<String> out = http.post("/logout", Map.of(), "X-Forwarded-For", "198.51.100.226");
        assertTrue(out.statusCode() == 302 || out.statusCode() == 303, "signed out: " + out.statusCode());
        assertStale(http.post("/login", form, "X-Forwarded-For", "198.51.100.226"), "replayed right after sign-out");
        http.get("/login"); // the sign-in page again: a new binding
        assertStale(http.post("/login", form, "X-Forwarded-For", "198.51.100.226"), "replayed with the new binding");
    }

    @Test
    void theHelpFormsAreGuardedToo() {
        Http http = new Http();
        Map<String, String> ask = AdminRegionIT.form(http.get("/help/password").body(), "forgottenPassword",
                "forgottenPassword:submit");
        assertNotNull(ask.get("ent_form_token"));
        ask.put("forgottenPassword:typed", BERNARD);
        ask.remove("ent_form_token");
        assertStale(http.post("/help/password", ask, "X-Forwarded-For", "198.51.100.227"), "help without token");
        Map<String, String> identifier = AdminRegionIT.form(http.get("/help/identifier").body(), "forgottenIdentifier",
                "forgottenIdentifier:submit");
        identifier.put("ent_form_token", "1.x");
        assertStale(http.post("/help/identifier", identifier, "X-Forwarded-For", "198.51.100.227"), "forged token");
    }

    /**
     * A help form the browser sends again (a double click, a reload of the posted page, the back button and a
     * resubmission: the same token, the same content) gets the same answer and is acted on once, on the server, whatever
     * the browser does; the page shown afresh and sent is a new request. The identifiers are unknown on purpose: the
     * requests are audited all the same, and no other test's data is touched.
     */
    @Test
    void aHelpFormSentAgainIsActedOnOnceAndAPageShownAfreshAsksAnew() {
        Http region = JourneyPages.region("198.51.100.228");
        Http family = new Http();
        String who = "x.renvoi1";
        Map<String, String> ask = AdminRegionIT.form(family.get("/help/password").body(), "forgottenPassword",
                "forgottenPassword:submit");
        ask.put("forgottenPassword:typed", who);
        for (int copy = 0; copy < 3; copy++) {
            assertSent(family.post("/help/password", ask, "X-Forwarded-For", "198.51.100.229"), "/help/password");
        }
        JourneyPages.awaitAudit(region, "PASSWORD_RESET_REQUESTED", who, 1);
        JourneyPages.assertAuditStays(region, "PASSWORD_RESET_REQUESTED", who, 1);
        assertEquals(2, JourneyPages.auditCount(region, "FORM_RESENT", who), "each copy audited");

        Map<String, String> anew = AdminRegionIT.form(family.get("/help/password").body(), "forgottenPassword",
                "forgottenPassword:submit");
        anew.put("forgottenPassword:typed", who);
        assertSent(family.post("/help/password", anew, "X-Forwarded-For", "198.51.100.229"), "/help/password");
        JourneyPages.awaitAudit(region, "PASSWORD_RESET_REQUESTED", who, 2);

        String email = "x.renvoi@example.org";
        Map<String, String> remind = AdminRegionIT.form(family.get("/help/identifier").body(), "forgottenIdentifier",
                "forgottenIdentifier:submit");
        remind.put("forgottenIdentifier:email", email);
        assertSent(family.post("/help/identifier", remind, "X-Forwarded-For", "198.51.100.229"), "/help/identifier");
        assertSent(family.post("/help/identifier", remind, "X-Forwarded-For", "198.51.100.229"), "/help/identifier");
        JourneyPages.assertAuditStays(region, "IDENTIFIER_REMINDER_REQUESTED", email, 1);
        assertEquals(1, JourneyPages.auditCount(region, "FORM_RESENT", email));
    }

    private static void assertSent(HttpResponse<String> answer, String page) {
        assertEquals(302, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElse("");
        assertTrue(location.contains(page) && location.contains("sent=1"), "the same answer page: " + location);
    }

    /** Issue 21, item 2: the kept rendering of /login gets a fresh nonce and token on each answer, and no session. */
    @Test
    void theKeptSignInPageIsFreshOnEachAnswer() {
        Http first = new Http();
        Http second = new Http();
        first.get("/login"); // kept by now, whatever came before
        HttpResponse<String> a = first.get("/login");
        HttpResponse<String> b = second.get("/login");
        for (HttpResponse<String> page : java.util.List.of(a, b)) {
            assertEquals(200, page.statusCode());
            String policy = page.headers().allValues("Content-Security-Policy").stream()
                    .filter(p -> p.contains("'nonce-")).findFirst().orElseThrow(() -> new AssertionError("nonce policy"));
            java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(policy);
            assertTrue(nonce.find());
            assertTrue(page.body().contains("PrimeFaces.csp.init('" + nonce.group(1) + "')"), "the page's nonce is the policy's");
            assertTrue(page.body().contains("name=\"primefaces.nonce\" value=\"" + nonce.group(1) + "\""));
            assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    "no session");
        }
        Map<String, String> formA = Http.loginForm(a.body(), BERNARD, BERNARD_PASSWORD);
        Map<String, String> formB = Http.loginForm(b.body(), BERNARD, BERNARD_PASSWORD);
        assertFalse(formA.get("primefaces.nonce").equals(formB.get("primefaces.nonce")), "a new nonce");
        assertFalse(formA.get("ent_form_token").equals(formB.get("ent_form_token")), "each browser its token");
        assertEquals(302, second.post("/login", formB, "X-Forwarded-For", "198.51.100.228").statusCode(),
                "a kept page's form signs in");
    }

    // ---- a browser without JavaScript ----

    @Test
    void withoutJavaScriptAPupilActivatesResetsAndSignsIn() throws Exception {
        try (Browser browser = Browser.openWithoutScript("fr")) {
            WebDriver driver = browser.driver();
            browser.go("/login");
            assertScriptOff(driver);
            driver.findElement(By.id("identifier")).sendKeys(PUPIL);
            driver.findElement(By.id("password")).sendKeys(CODE);
            submit(driver, By.id("submit"), "/first-connection");

            driver.findElement(By.id("firstConnection:password")).sendKeys(FIRST_PASSWORD);
            driver.findElement(By.id("firstConnection:confirmation")).sendKeys(FIRST_PASSWORD);
            var email = driver.findElements(By.id("firstConnection:email"));
            int mails = Mailbox.to(EMAIL, "").size();
            if (!email.isEmpty()) {
                email.get(0).sendKeys(EMAIL);
            }
            driver.findElement(By.id("firstConnection:charter")).click();
            submit(driver, By.id("firstConnection:submit"), null);
            assertFalse(driver.getCurrentUrl().contains("/first-connection"), "first connection done: "
                    + driver.getCurrentUrl() + " " + driver.getPageSource());
            assertFalse(driver.getPageSource().contains(STALE), "not the stale-form page");

            if (!email.isEmpty()) {
                MimeMessage mail = Mailbox.await(EMAIL, "", mails);
                String link = Mailbox.link(mail, "/verify-email?token=").orElseThrow();
                browser.go(OwnAccount.path(link));
                assertTrue(driver.getPageSource().contains("data-result=\"VERIFIED\""), driver.getPageSource());
            }

            browser.go("/home");
            submit(driver, By.id("logout"), "/login");

            // the password forgotten: the help form, the mailed link, the reset form — all without script
            browser.go("/help/password");
            int before = Mailbox.to(EMAIL, "").size();
            driver.findElement(By.id("forgottenPassword:typed")).sendKeys(PUPIL);
            submit(driver, By.id("forgottenPassword:submit"), null);
            assertFalse(driver.getPageSource().contains(STALE), "help form accepted");
            MimeMessage resetMail = Mailbox.await(EMAIL, "", before);
            String resetLink = Mailbox.link(resetMail, "/reset?token=").orElseThrow(
                    () -> new AssertionError(Mailbox.body(resetMail)));
            browser.go(OwnAccount.path(resetLink));
            driver.findElement(By.id("reset:password")).sendKeys(RESET_PASSWORD);
            driver.findElement(By.id("reset:confirmation")).sendKeys(RESET_PASSWORD);
            submit(driver, By.id("reset:submit"), null);
            assertFalse(driver.getPageSource().contains(STALE), "reset form accepted");

            browser.go("/login");
            driver.findElement(By.id("identifier")).sendKeys(PUPIL);
            driver.findElement(By.id("password")).sendKeys(RESET_PASSWORD);
            submit(driver, By.id("submit"), null);
            assertFalse(driver.getCurrentUrl().endsWith("/login"), "signed in with the new password: "
                    + driver.getCurrentUrl());
            assertTrue(driver.findElements(By.id("logout")).size() == 1, "signed in: " + driver.getPageSource());
        }
    }

    /** Page scripts do not run: PrimeFaces never defined itself. */
    private static void assertScriptOff(WebDriver driver) {
        Object defined;
        try {
            defined = ((JavascriptExecutor) driver).executeScript("return typeof window.PrimeFaces !== 'undefined';");
        } catch (RuntimeException scriptsRefused) {
            defined = Boolean.FALSE;
        }
        assertEquals(Boolean.FALSE, defined, "JavaScript is disabled in this browser");
    }

    /** Clicks a submit button (a native form submission) and waits for the next page (at {@code path} if given). */
    private static void submit(WebDriver driver, By button, String path) {
        String before = driver.getCurrentUrl();
        Object page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(RuntimeException.class).until(d -> {
            boolean replaced;
            try {
                ((org.openqa.selenium.WebElement) page).getTagName();
                replaced = false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                replaced = true;
            }
            return replaced && (path == null || d.getCurrentUrl().contains(path));
        });
        assertNotNull(before);
    }
}
