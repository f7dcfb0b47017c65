package fr.ent.portal.it;

import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.submitAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What an independent accessibility audit found (issue 22, item 7), one test per finding, in a browser where the
 * finding is about behaviour and over plain HTTP where the markup says it. Changes no account: a refused sign-in of an
 * unknown identifier, sign-ins and sign-outs of r.admin1, p.petit1 and the representative AccessibilityIT takes
 * (c.durand1, else s.bernard1), a password typed on /account and never sent.
 */
@ExtendWith(Portal.class)
@Order(Order.DEFAULT + 99) // see junit-platform.properties
class AccessibilityAuditIT {

    static final String TEACHER = "p.petit1";
    static final String TEACHER_PASSWORD = "Tableau#Noir2026";

    /** The lowest contrast between each focus outline met with the Tab key and the background around it. */
    static final String FOCUS_CONTRAST = """
            const luminance = color => {
                const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
                    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const opaque = color => { const parts = color.match(/[\\d.]+/g); return parts && (parts.length < 4 || Number(parts[3]) > 0.5); };
            const el = document.activeElement;
            if (!el || el === document.body) { return null; }
            const style = getComputedStyle(el);
            if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) { return null; }
            let around = 'rgb(255, 255, 255)';
            for (let e = el.parentElement; e; e = e.parentElement) {
                const bg = getComputedStyle(e).backgroundColor;
                if (opaque(bg)) { around = bg; break; }
            }
            const a = luminance(style.outlineColor), b = luminance(around);
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            return ratio.toFixed(2) + ' ' + (el.id ? '#' + el.id : el.tagName.toLowerCase()) + ' ' + style.outlineColor + ' on ' + around;""";

    // ---- a failed sign-in is announced ----

    @Test
    void aRefusedSignInMovesTheFocusToAnErrorSummaryMarksTheFieldsAndSaysSoInTheTitle() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            var driver = browser.driver();
            browser.go("/login");
            String title = driver.getTitle();
            driver.findElement(By.id("identifier")).sendKeys("a11y.inconnu1");
            driver.findElement(By.id("password")).sendKeys("Pas le bon 2026");
            submitAndWait(driver, By.id("submit"));
            HtmlPages.keep(driver, "audit-login-refused");
            assertEquals("Erreur : " + title, driver.getTitle(), "the title says it first");
            assertEquals("error-summary", driver.executeScript("return document.activeElement.id;"), "the focus");
            assertTrue(driver.findElement(By.id("error-summary")).getText().contains("Identifiant ou mot de passe incorrect"),
                    driver.findElement(By.id("error-summary")).getText());
            assertEquals("true", driver.findElement(By.id("identifier")).getAttribute("aria-invalid"));
            assertEquals("true", driver.findElement(By.id("password")).getAttribute("aria-invalid"));

            browser.go("/login");
            submitAndWait(driver, By.id("submit")); // both fields empty: PrimeFaces marks them, the summary says it
            HtmlPages.keep(driver, "audit-login-required");
            assertTrue(driver.getTitle().startsWith("Erreur : "), driver.getTitle());
            assertEquals("error-summary", driver.executeScript("return document.activeElement.id;"));
            assertEquals("true", driver.findElement(By.id("identifier")).getAttribute("aria-invalid"));
        }
    }

    // ---- hints tied to their fields ----

    @Test
    void theRememberMeAndImportFileHintsAreTiedToTheirFields() {
        Document login = Jsoup.parse(new Http().get("/login").body());
        assertDescribedBy(login, login.getElementById("remember"), "remember-hint");

        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.221");
        Document upload = Jsoup.parse(region.get("/admin/import").body());
        Element target = upload.selectFirst("#targets a"); // several establishments: the first one
        if (target != null) {
            upload = Jsoup.parse(region.get(target.attr("href").replaceFirst("^https?://[^/]+", "")).body());
        }
        assertDescribedBy(upload, upload.getElementById("upload:file"), "file-hint");
        assertDescribedBy(upload, upload.getElementById("upload:representatives"), "representatives-hint");
    }

    static void assertDescribedBy(Document page, Element field, String hintId) {
        assertTrue(field != null, "the field for " + hintId);
        List<String> ids = List.of(field.attr("aria-describedby").trim().split("\\s+"));
        assertTrue(ids.contains(hintId), field.id() + " aria-describedby=\"" + field.attr("aria-describedby") + "\"");
        for (String id : ids) {
            assertTrue(page.getElementById(id) != null, field.id() + " names a missing id: " + id);
        }
        assertFalse(page.getElementById(hintId).text().isBlank(), hintId + " says something");
    }

    // ---- the show-password control ----

    @Test
    void theShowPasswordButtonIsTranslatedKeepsItsNameTellsItsStateAndIsLargeEnough() throws Exception {
        for (String[] language : List.of(new String[] {"fr", "Afficher le mot de passe"}, new String[] {"en", "Show password"})) {
            try (Browser browser = Browser.open(language[0])) {
                var driver = browser.driver();
                browser.go("/login");
                WebElement password = driver.findElement(By.id("password"));
                WebElement toggle = driver.findElement(By.cssSelector("button.password-toggle[aria-controls='password']"));
                assertEquals(language[1], toggle.getText(), language[0]);
                assertEquals("false", toggle.getAttribute("aria-pressed"));
                assertEquals("password", password.getAttribute("type"));
                assertTrue(toggle.getSize().getWidth() >= 24 && toggle.getSize().getHeight() >= 24, toggle.getSize().toString());
                assertTrue(driver.findElements(By.cssSelector(".ui-password-icon")).isEmpty(), "PrimeFaces' icon is gone");
                assertFalse(driver.getPageSource().contains("Show Password"), "no untranslated text");
                toggle.click();
                assertEquals("true", toggle.getAttribute("aria-pressed"), "shown: pressed");
                assertEquals("text", password.getAttribute("type"));
                assertEquals(language[1], toggle.getText(), "the name stays, the state changes");
                toggle.click();
                assertEquals("false", toggle.getAttribute("aria-pressed"));
                assertEquals("password", password.getAttribute("type"));
            }
        }
    }

    // ---- the password checklist is said ----

    @Test
    void thePasswordChecklistSaysEachRuleAndCountsThemInALiveRegion() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signInRepresentative(browser);
            var driver = browser.driver();
            browser.go("/account");
            WebElement status = driver.findElement(By.cssSelector("#password .checklist__status[role='status']"));
            String length = "#password li[data-rule='length'] .checklist__state";
            assertEquals("(pas encore respectée)", driver.findElement(By.cssSelector(length))
                    .getAttribute("textContent").trim());
            String before = status.getAttribute("textContent");
            driver.findElement(By.id("password:password")).sendKeys("Une Phrase-de-passe 2026");
            assertEquals("(respectée)", driver.findElement(By.cssSelector(length)).getAttribute("textContent").trim());
            String after = status.getAttribute("textContent");
            assertTrue(!after.equals(before) && after.matches("\\d règles sur \\d respectées"), before + " -> " + after);
        }
    }

    // ---- no sideways scrolling at 360 px ----

    @Test
    void theActivationHelpRequestsAndAuditPagesFitA360PxScreen() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, OwnAccount.REGION, OwnAccount.REGION_PASSWORD);
            var driver = browser.driver();
            browser.go("/admin/activation");
            List<String> pages = new ArrayList<>(List.of("/admin/activation", "/admin/help-requests", "/admin/audit"));
            driver.findElements(By.cssSelector("#establishment option")).stream().map(o -> o.getAttribute("value"))
                    .filter(v -> !v.isEmpty()).findFirst().ifPresent(id -> pages.add("/admin/activation?establishment=" + id));
            browser.phoneSize();
            List<String> wide = new ArrayList<>();
            for (String page : pages) {
                browser.go(page);
                Number scroll = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
                Number client = (Number) driver.executeScript("return document.documentElement.clientWidth;");
                if (scroll.intValue() > client.intValue()) {
                    wide.add(page + " (" + scroll + " > " + client + ")");
                    browser.screenshot("audit-wide-" + HtmlPages.safe(page));
                }
            }
            assertEquals(List.of(), wide, "pages wider than a 360 px screen");
        }
    }

    // ---- the audit filter in words ----

    @Test
    void theAuditPageNamesEventTypesInWords() {
        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.222");
        Document audit = Jsoup.parse(region.get("/admin/audit").body());
        assertEquals("Connexion réussie", audit.selectFirst("select#type option[value=SIGN_IN_SUCCEEDED]").text());
        List<String> raw = new ArrayList<>();
        for (Element option : audit.select("select#type option[value]")) {
            if (option.text().matches("[A-Z_]+")) {
                raw.add(option.text());
            }
        }
        for (Element type : audit.select(".audit-type")) {
            if (type.text().matches("[A-Z_]+")) {
                raw.add(type.text());
            }
        }
        assertEquals(List.of(), raw, "raw codes shown");
    }

    // ---- /account: a device a family recognises ----

    @Test
    void theAccountPageShowsDevicesPeopleRecogniseAndNoAddress() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signInRepresentative(browser);
            browser.go("/account");
            WebElement signIns = browser.driver().findElement(By.id("sign-ins"));
            List<String> devices = signIns.findElements(By.cssSelector(".sign-in__browser")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(devices.contains("Chrome sur Linux"), "this browser's sign-in: " + devices);
            String text = signIns.getText();
            assertFalse(text.contains("Mozilla") || text.contains("Java-http-client") || text.contains("HeadlessChrome"),
                    "no raw User-Agent: " + text);
            assertFalse(text.matches("(?s).*(\\d{1,3}\\.){3}\\d{1,3}.*") || text.contains("0:0:0:0"), "no address: " + text);
        }
    }

    // ---- home tiles that open a new tab say so ----

    @Test
    void homeTilesThatOpenANewTabSaySo() {
        Http teacher = AdminRegionIT.signedIn(TEACHER, TEACHER_PASSWORD, "203.0.113.223");
        Document home = Jsoup.parse(teacher.get("/home").body());
        List<Element> tiles = home.select("#tiles a[target=_blank]");
        assertFalse(tiles.isEmpty(), "the teacher's establishment has tiles");
        for (Element tile : tiles) {
            Element said = tile.selectFirst(".tile__new-tab");
            assertTrue(said != null && said.text().equals("S’ouvre dans un nouvel onglet"), tile.outerHtml());
        }
    }

    // ---- read-only tables ----

    @Test
    void readOnlyTablesAreTablesWithACaptionAndNoBrokenLabel() {
        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.224");
        for (String[] page : List.of(new String[] {"/admin/audit", "Journal d’audit"}, new String[] {"/admin/accounts", "Comptes"})) {
            Document html = Jsoup.parse(region.get(page[0]).body());
            assertEquals(List.of(), html.select("[role=grid], [role=gridcell], table [role=row], table [role=columnheader]")
                    .stream().map(e -> e.tagName() + "[role=" + e.attr("role") + "]").distinct().toList(), page[0]);
            Element caption = html.selectFirst(".ui-datatable table > caption");
            assertTrue(caption != null && caption.text().equals(page[1]), page[0] + ": " + caption);
            for (Element label : html.select("label[for]")) {
                assertTrue(html.getElementById(label.attr("for")) != null, page[0] + ": " + label.outerHtml());
            }
        }
    }

    @Test
    void tablesShowWithoutScript() throws Exception {
        try (Browser browser = Browser.openWithoutScript("fr")) {
            signIn(browser, OwnAccount.REGION, OwnAccount.REGION_PASSWORD);
            for (String page : List.of("/admin/audit", "/admin/accounts")) {
                browser.go(page);
                WebElement table = browser.driver().findElement(By.cssSelector(".ui-datatable table"));
                assertTrue(table.isDisplayed() && table.getSize().getHeight() > 40, page + ": " + table.getSize());
                assertTrue(browser.driver().findElements(By.cssSelector(".ui-datatable tbody tr")).stream()
                        .anyMatch(WebElement::isDisplayed), page + ": rows shown");
            }
        }
    }

    @Test
    void editLinksSayWhatTheyEdit() {
        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.225");
        Document establishments = Jsoup.parse(region.get("/admin/region/establishments").body());
        List<Element> edits = establishments.select("a[href*='establishments?id=']");
        assertFalse(edits.isEmpty());
        for (Element edit : edits) {
            String name = edit.closest("tr").child(1).text();
            assertEquals("Modifier " + name, edit.text(), edit.outerHtml());
            assertEquals("Modifier", edit.ownText().trim(), "the visible part stays short");
        }
    }

    // ---- the head, the header, the focus ring, /children ----

    @Test
    void theCharsetComesFirstAndNoFormSitsInASpan() {
        HttpResponse<String> login = new Http().get("/login");
        byte[] bytes = login.body().getBytes(StandardCharsets.UTF_8);
        String start = new String(bytes, 0, Math.min(1024, bytes.length), StandardCharsets.UTF_8);
        assertTrue(start.contains("<meta charset=\"UTF-8\""), "the encoding within the first 1,024 bytes");
        Http teacher = AdminRegionIT.signedIn(TEACHER, TEACHER_PASSWORD, "203.0.113.226");
        Document home = Jsoup.parse(teacher.get("/home").body());
        assertTrue(home.selectFirst("form.portal-user__logout") != null, "the sign-out form");
        assertEquals(List.of(), home.select("span form").stream().map(Element::className).toList(), "forms in a span");
    }

    @Test
    void theFocusRingContrastsWithWhatSurroundsIt() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            List<String> weak = new ArrayList<>();
            browser.go("/login");
            tabThrough(browser, 14, weak);
            signIn(browser, TEACHER, TEACHER_PASSWORD);
            browser.go("/home");
            tabThrough(browser, 14, weak);
            assertEquals(List.of(), weak, "focus outlines under 3:1 against their background");
        }
    }

    private static void tabThrough(Browser browser, int stops, List<String> weak) {
        browser.driver().executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < stops; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            Object found = browser.driver().executeScript(FOCUS_CONTRAST);
            if (found instanceof String s && Double.parseDouble(s.substring(0, s.indexOf(' '))) < 3.0) {
                weak.add(FamilyPages.path(browser) + ": " + s);
            }
        }
    }

    @Test
    void theChildrenPageStartsWithoutAScriptError() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signInRepresentative(browser);
            browser.consoleErrors(); // what came before
            browser.go("/children");
            assertEquals("/children", FamilyPages.path(browser));
            var errors = browser.consoleErrors();
            assertTrue(errors.isEmpty(), () -> "console errors: " + errors);
            assertEquals(Boolean.TRUE, browser.driver().executeScript(
                    "return !!(window.PrimeFaces && PrimeFaces.widgets && Object.keys(PrimeFaces.widgets).length > 0);"),
                    "PrimeFaces started its widgets");
        }
    }

    /** Signs in the representative AccessibilityIT takes (c.durand1, else s.bernard1), or skips when none can. */
    static void signInRepresentative(Browser browser) {
        for (String[] candidate : AccessibilityIT.REPRESENTATIVES) {
            signIn(browser, candidate[0], candidate[1]);
            String path = FamilyPages.path(browser);
            if (!path.startsWith("/login") && !path.startsWith("/first-connection")) {
                return;
            }
            browser.driver().manage().deleteAllCookies();
        }
        Assumptions.abort("no legal representative with a known password is left");
    }
}
