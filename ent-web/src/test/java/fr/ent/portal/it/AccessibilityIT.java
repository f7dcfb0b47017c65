package fr.ent.portal.it;

import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.signOut;
import static fr.ent.portal.it.SignInPages.submitAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Every page of the portal, anonymous and signed in (a pupil, a legal representative, a principal teacher, a school
 * admin, the region), in French and in English: axe-core finds no serious or critical violation (WCAG 2.1 A and AA and
 * axe's best practices); each family page also fits a 360 px wide screen without horizontal scrolling. Every page is
 * photographed under target/screenshots/ as {@code LANGUAGE-PAGE.png} (and {@code LANGUAGE-PAGE-phone.png}).
 * <p>
 * Runs last (see junit-platform.properties) and only reads: the demo accounts sign in and out, nothing is submitted
 * but empty forms, an import preview (never confirmed) and forged view states; an account whose first connection is
 * pending shows its first-connection page, which is audited and left as it is.
 */
@ExtendWith(Portal.class)
@Order(Order.DEFAULT + 100)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityIT {

    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 360;

    /** Who signs in, tried in turn: the state of the demo accounts depends on the classes that ran before. */
    static final List<String[]> PUPILS = List.of(
            new String[] {"n.roux1", AdminLettersIT.ROUX_PASSWORD},
            new String[] {"l.martin1", "Vélo rouge à Créteil 7"},
            new String[] {"l.martin1", "DEMO1-PUPIL"},
            // a Toulouse pupil whose password no class changes (WaitingRoomBrowserIT only signs in with it)
            new String[] {"b.marchand1", fr.ent.portal.demo.control.DemoDataSet.MARCHAND_PASSWORD});
    static final List<String[]> REPRESENTATIVES = List.of(
            new String[] {"c.durand1", FamilyPages.DURAND_PASSWORD},
            new String[] {"c.durand1", "DEMO2-PARENT"},
            new String[] {"s.bernard1", HelpIT.BERNARD_PASSWORD});

    /** Invalid fields (aria-invalid) must name their error message in aria-describedby (RGAA 11.10, WCAG 3.3.1). */
    static final String UNTIED_ERRORS = """
            const message = '.ui-message, .ui-messages, .field__error, [role=alert]';
            return Array.from(document.querySelectorAll('[aria-invalid="true"]')).filter(field => {
                const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
                return !ids.some(id => {
                    const e = document.getElementById(id);
                    return e && e.textContent.trim() && (e.closest(message) || e.querySelector(message));
                });
            }).map(field => field.id || field.name);""";

    /** The focused element, or what shows its focus, without a visible outline: its description, else "". */
    static final String FOCUS_HIDDEN = """
            const el = document.activeElement;
            if (!el || el === document.body) { return ''; }
            let shown = el;
            if (el.closest('.ui-helper-hidden-accessible')) {
                const box = el.closest('.ui-chkbox, .ui-radiobutton');
                shown = box ? box.querySelector('.ui-chkbox-box, .ui-radiobutton-box') : el;
            }
            const style = getComputedStyle(shown);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? ''
                    : (el.id ? '#' + el.id : el.tagName.toLowerCase() + (el.textContent ? ' "' + el.textContent.trim() + '"' : ''));""";

    static Axe axe;
    static final Set<String> audited = new TreeSet<>();
    static final Set<String> phoneChecked = new TreeSet<>();

    @BeforeAll
    static void engine() throws IOException {
        axe = Axe.load();
    }

    @AfterAll
    static void report() throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("axe-core: " + audited.size() + " pages x languages audited; " + phoneChecked.size()
                + " checked at " + PHONE_WIDTH + " px");
        audited.forEach(page -> lines.add("  " + page + (phoneChecked.contains(page) ? "  [phone]" : "")));
        Files.write(dir.resolve("accessibility.txt"), lines);
        System.out.println(String.join(System.lineSeparator(), lines));
    }

    /** The pages audited in one browser, in one language; violations and overflows gathered, asserted at the end. */
    static final class Audit implements AutoCloseable {
        final Browser browser;
        final String language;
        final List<String> problems = new ArrayList<>();

        Audit(String language) throws IOException {
            this.browser = Browser.open(language);
            this.language = language;
        }

        void go(String path, String name, boolean family) throws IOException {
            browser.go(path);
            page(name, family);
        }

        /** Audits the page the browser shows now. */
        void page(String name, boolean family) throws IOException {
            String key = language + "-" + name;
            String lang = String.valueOf(browser.driver().executeScript("return document.documentElement.lang;"));
            if (!language.equals(lang)) {
                problems.add(name + " (" + language + "): <html lang=\"" + lang + "\">");
            }
            axe.check(browser, name, language).forEach(v -> problems.add(v.toString()));
            if (browser.driver().findElements(By.tagName("h1")).isEmpty()) {
                problems.add(name + " (" + language + "): no <h1>");
            }
            Object untied = browser.driver().executeScript(UNTIED_ERRORS);
            if (untied instanceof List<?> fields && !fields.isEmpty()) {
                problems.add(name + " (" + language + "): fields marked invalid whose aria-describedby names no error "
                        + "message: " + fields);
            }
            audited.add(key);
            HtmlPages.keep(browser.driver(), key); // for the Nu HTML checker (HtmlCheckIT)
            browser.screenshot(key);
            if (family) {
                browser.phoneSize();
                Number scroll = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth;");
                Number client = (Number) browser.driver().executeScript("return document.documentElement.clientWidth;");
                browser.screenshot(key + "-phone");
                if (scroll.intValue() > client.intValue()) {
                    problems.add(name + " (" + language + "): scrolls horizontally at " + PHONE_WIDTH + " px (scrollWidth "
                            + scroll + " > " + client + ")");
                }
                phoneChecked.add(key);
                browser.driver().manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
            }
        }

        String path() {
            return FamilyPages.path(browser);
        }

        /** Goes through the page with the Tab key: every stop shows a visible focus outline (WCAG 2.4.7). */
        void focusVisible(String name) {
            browser.driver().executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            Set<String> hidden = new TreeSet<>();
            for (int i = 0; i < 40; i++) {
                new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(org.openqa.selenium.Keys.TAB).perform();
                String missing = String.valueOf(browser.driver().executeScript(FOCUS_HIDDEN));
                if (!missing.isEmpty()) {
                    hidden.add(missing);
                }
            }
            if (!hidden.isEmpty()) {
                problems.add(name + " (" + language + "): focus not visible on " + hidden);
            }
        }

        /** Runs a script that posts a form and waits for the answer page. */
        void post(String script) {
            String marker = "ent-a11y-" + System.nanoTime();
            browser.driver().executeScript("window['" + marker + "'] = true;");
            browser.driver().executeScript(script);
            SignInPages.wait(browser.driver()).ignoring(org.openqa.selenium.WebDriverException.class).until(d ->
                    Boolean.TRUE.equals(browser.driver().executeScript(
                            "return window['" + marker + "'] === undefined && document.readyState === 'complete';")));
        }

        /** Signs out when signed in (a pending first connection has no sign-out button: its cookies go). */
        void leave() {
            if (browser.driver().findElements(By.id("logout")).isEmpty()) {
                browser.driver().manage().deleteAllCookies();
            } else {
                signOut(browser);
            }
        }

        /** Signs in with the first pair that gets past /login; audits a pending first connection on the way. */
        boolean signInFirstOf(List<String[]> candidates, String firstConnectionName) throws IOException {
            for (String[] candidate : candidates) {
                signIn(browser, candidate[0], candidate[1]);
                if (path().startsWith("/first-connection")) {
                    page(firstConnectionName, true); // left pending: other classes complete it
                    leave();
                } else if (loginError(browser).isEmpty() && !path().startsWith("/login")) {
                    return true;
                }
            }
            return false;
        }

        void assertClean() {
            assertTrue(problems.isEmpty(), () -> problems.size() + " accessibility problems:\n  "
                    + String.join("\n  ", problems));
        }

        @Override
        public void close() {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    @Order(1)
    void anonymousPages(String language) throws Exception {
        try (Audit audit = new Audit(language)) {
            audit.go("/login", "login", true);
            audit.focusVisible("login");
            submitAndWait(audit.browser.driver(), By.id("submit")); // empty: the required fields' messages
            audit.page("login-required", true);
            audit.go("/help", "help", true);
            audit.go("/help/password", "help-password", true);
            submitAndWait(audit.browser.driver(), By.id("forgottenPassword:submit"));
            audit.page("help-password-required", true);
            audit.go("/help/identifier", "help-identifier", true);
            audit.go("/reset?token=not-a-real-token", "reset", true);
            audit.go("/verify-email?token=not-a-real-token", "verify-email", true);
            audit.go("/status", "status", true);
            audit.go("/help/no-such-page", "error-404", true);
            assertTrue(audit.browser.driver().findElements(By.id("identifier")).isEmpty(), "the 404 page");
            // /dev/mailbox is not audited: the test portal has an SMTP host, so the page answers 404 (issue 20, item 2)
            audit.browser.go("/login");
            // a form posted without its page's script nonce: the stale-form page
            audit.post("""
                    const form = document.getElementById('login');
                    form.querySelectorAll('input[name*="nonce"]').forEach(e => e.remove());
                    HTMLFormElement.prototype.submit.call(form);""");
            assertTrue(audit.browser.driver().findElements(By.id("identifier")).isEmpty(), "the stale-form page");
            audit.page("error-stale-form", true);
            audit.assertClean();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    @Order(2)
    void pupilPages(String language) throws Exception {
        try (Audit audit = new Audit(language)) {
            if (audit.signInFirstOf(PUPILS, "first-connection-pupil")) {
                audit.page("pupil-landing" + slug(audit.path()), true);
                audit.go("/home", "pupil-home", true);
                audit.go("/account", "pupil-account", true);
                audit.go("/establishments", "pupil-establishments", true);
                audit.leave();
            }
            audit.assertClean();
            // after AdminLettersIT re-issues the codes of n.roux1's class and l.martin1's, no pupil secret is known
            org.junit.jupiter.api.Assumptions.assumeTrue(audited.stream().anyMatch(p -> p.startsWith(language + "-pupil-")
                    || p.equals(language + "-first-connection-pupil")), "no pupil account with a known secret is left");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    @Order(3)
    void representativePages(String language) throws Exception {
        try (Audit audit = new Audit(language)) {
            if (audit.signInFirstOf(REPRESENTATIVES, "first-connection-representative")) {
                audit.page("representative-landing" + slug(audit.path()), true);
                audit.go("/home", "home", true);
                audit.go("/children", "children", true);
                audit.go("/establishments", "establishments", true);
                audit.go("/account", "account", true);
                audit.focusVisible("account");
                // a post with a view state the server no longer has: the page again, with the "expired" notice
                audit.post("""
                        const state = document.querySelector('form input[name="jakarta.faces.ViewState"]');
                        state.value = 'expired-' + state.value;
                        HTMLFormElement.prototype.submit.call(state.form);""");
                assertEquals("/account", audit.path());
                audit.page("account-view-expired", true);
                audit.leave();
            }
            assertTrue(audited.contains(language + "-home") || audited.contains(language + "-first-connection-representative"),
                    "no legal representative could sign in");
            audit.assertClean();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    @Order(4)
    void principalTeacherPages(String language) throws Exception {
        try (Audit audit = new Audit(language)) {
            signIn(audit.browser, "p.petit1", "Tableau#Noir2026");
            audit.page("teacher-landing" + slug(audit.path()), false);
            adminPages(audit, "teacher");
            signOut(audit.browser);
            audit.assertClean();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    @Order(5)
    void schoolAdminPages(String language) throws Exception {
        try (Audit audit = new Audit(language)) {
            signIn(audit.browser, AdminLettersIT.MOREAU, AdminLettersIT.MOREAU_PASSWORD);
            adminPages(audit, "school-admin");
            audit.browser.go("/admin/accounts");
            audit.focusVisible("admin-accounts");
            audit.go("/admin/import", "admin-import", false);
            AdminImportIT.upload(audit.browser, AdminImportIT.SAMPLE); // previewed, never confirmed
            audit.page("admin-import-preview", false);
            audit.go("/admin/audit", "admin-audit", false);
            signOut(audit.browser);
            audit.assertClean();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    @Order(6)
    void regionAdminPages(String language) throws Exception {
        try (Audit audit = new Audit(language)) {
            signIn(audit.browser, "r.admin1", "Region#Academie2026");
            adminPages(audit, "region");
            audit.go("/admin/region/establishments", "admin-region-establishments", false);
            audit.go("/admin/region/incidents", "admin-region-incidents", false);
            // the one registry of connected services, with each protocol's form (issue 23 item 3)
            audit.go("/admin/region/services?protocol=CAS", "admin-region-services-cas", false);
            audit.go("/admin/region/services?protocol=SAML", "admin-region-services-saml", false);
            audit.go("/admin/region/services?protocol=OIDC", "admin-region-services-oidc", false);
            audit.go("/admin/audit", "admin-audit-region", false);
            signOut(audit.browser);
            audit.assertClean();
        }
    }

    static String slug(String path) {
        return path.replaceAll("\\?.*", "").replaceAll("[^A-Za-z0-9]+", "-");
    }

    /** The administration pages every staff role has; links followed are plain GETs (nothing issued). */
    private static void adminPages(Audit audit, String role) throws IOException {
        audit.go("/admin/index", "admin-" + role, false);
        audit.go("/admin/accounts", "admin-accounts-" + role, false);
        List<WebElement> accounts = audit.browser.driver().findElements(By.cssSelector("a.account-link"));
        assertTrue(!accounts.isEmpty(), role + " sees accounts");
        String account = accounts.get(0).getAttribute("data-account");
        audit.go("/admin/account?id=" + account, "admin-account-" + role, false);
        audit.go("/admin/help-requests", "admin-help-requests-" + role, false);
        audit.go("/admin/activation", "admin-activation-" + role, false);
        audit.go("/admin/letters", "admin-letters-" + role, false);
        List<WebElement> classes = audit.browser.driver().findElements(By.cssSelector("a[href*='letters?establishment=']"));
        if (!classes.isEmpty()) {
            String href = classes.get(0).getAttribute("href");
            audit.go(href.substring(href.indexOf("/admin/")), "admin-letters-class-" + role, false);
        }
        audit.go("/admin/letters?account=" + account, "admin-letters-account-" + role, false);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "en"})
    @Order(7)
    void waitingRoom(String language) throws Exception {
        try (Audit audit = new Audit(language)) {
            audit.browser.go("/status");
            // a ticket the portal did not sign: a place at the back of the line, shown by the waiting room
            audit.browser.driver().manage().addCookie(new Cookie("ent_wait", "forged"));
            audit.browser.go("/waiting-room");
            // the page asks the server again every few seconds: held while it is audited
            audit.browser.driver().executeScript("""
                    window.realFetch = window.fetch;
                    window.heldFetches = [];
                    window.fetch = (...args) => new Promise(done => window.heldFetches.push(() => done(window.realFetch(...args))));""");
            assertEquals(1, audit.browser.driver().findElements(By.id("position")).size(), audit.path());
            audit.page("waiting-room", true);
            // nobody ahead: the turn comes, and the page follows the server to the sign-in page by itself
            audit.browser.driver().executeScript("window.fetch = window.realFetch; window.heldFetches.forEach(go => go());");
            SignInPages.wait(audit.browser.driver()).until(d -> d.getCurrentUrl().endsWith("/login"));
            audit.assertClean();
        } finally {
            new Http().post("/dev/admission", Map.of("reset", "true"));
        }
    }

    /** The switcher in the header changes the language and keeps it; the browser's languages choose it first. */
    @Test
    @Order(8)
    void languageSwitcher() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            browser.go("/help");
            assertEquals("fr", browser.driver().executeScript("return document.documentElement.lang;"));
            String french = browser.driver().findElement(By.tagName("h1")).getText();
            submitAndWait(browser.driver(), By.id("switch-language"));
            assertEquals("/help", FamilyPages.path(browser), "back on the same page");
            assertEquals("en", browser.driver().executeScript("return document.documentElement.lang;"));
            String english = browser.driver().findElement(By.tagName("h1")).getText();
            assertTrue(!english.equals(french), english);
            browser.go("/login");
            assertEquals("en", browser.driver().executeScript("return document.documentElement.lang;"), "the choice is kept");
            assertTrue(browser.driver().getTitle().startsWith("Sign in"), browser.driver().getTitle());
            submitAndWait(browser.driver(), By.id("switch-language"));
            assertEquals("fr", browser.driver().executeScript("return document.documentElement.lang;"));
            assertTrue(browser.driver().getTitle().startsWith("Connexion"), browser.driver().getTitle());
        }
        try (Browser browser = Browser.open("en-GB")) {
            browser.go("/help/no-such-page");
            assertEquals("en", browser.driver().executeScript("return document.documentElement.lang;"));
            assertTrue(browser.driver().getTitle().startsWith("Page not found"), browser.driver().getTitle());
        }
    }
}
