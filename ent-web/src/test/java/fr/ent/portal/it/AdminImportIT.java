package fr.ent.portal.it;

import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.signOut;
import static fr.ent.portal.it.SignInPages.submitAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Registry import and the transition from the previous ENT, in a browser: a.moreau1 previews and confirms the sample
 * file (docs/samples/import-lycee.csv), a re-import changes nothing, a bad file names its rows and writes nothing;
 * b.garnier1 gets 404 for the lycée; a person of the previous ENT signs in once with the old login and password.
 * Uses only the sample's new people (never the demo accounts of other tests).
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 12)
class AdminImportIT {

    static final Path SAMPLE = Path.of("..", "docs", "samples", "import-lycee.csv");
    static final String MOREAU_PASSWORD = "Registre#Lycee2026";
    static final String GARNIER_PASSWORD = "Registre#College2026";
    /** Karine Dupuis of the sample: old login and bcrypt hash of "soleil2019" (breaks today's policy). */
    static final String LEGACY_LOGIN = "kdupuis";
    static final String LEGACY_PASSWORD = "soleil2019";
    static final String NEW_PASSWORD = "Nouveau#Depart2026";

    static String lyceeId;

    @Test
    @Order(1)
    void moreauImportsTheSampleThenReimportsItWithNoChange() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "a.moreau1", MOREAU_PASSWORD);
            browser.go("/admin/import");
            lyceeId = browser.driver().findElement(By.id("import")).getAttribute("data-establishment");
            assertFalse(lyceeId == null || lyceeId.isBlank(), "the school admin's one establishment is chosen");

            upload(browser, SAMPLE);
            browser.screenshot("admin-import-preview");
            int created = count(browser, "count-create");
            if (created > 0) { // a first run of this build: the sample's 11 people
                assertEquals(11, created, browser.driver().findElement(By.id("counts")).getText());
                assertEquals(0, count(browser, "count-errors"));
                assertTrue(text(browser, "new-divisions").contains("2nde D"), text(browser, "new-divisions"));
                browser.driver().findElement(By.id("result:confirm")).click();
                waitFor(browser, By.id("result:summary"), "Import terminé");
                assertTrue(info(browser).contains("11 comptes créés"), info(browser));
                browser.screenshot("admin-import-done");
                // a second click on a stale confirmation does nothing
                assertTrue(browser.driver().findElements(By.id("result:confirm")).isEmpty());
            }

            upload(browser, SAMPLE);
            assertEquals(0, count(browser, "count-create"), "re-import: nothing to create");
            assertEquals(0, count(browser, "count-update"), "re-import: nothing to update");
            assertEquals(11, count(browser, "count-unchanged"));
            assertEquals(0, count(browser, "count-links"));
            assertEquals(0, count(browser, "count-ends"));
        }
    }

    @Test
    @Order(2)
    void aBadFileNamesItsRowsAndWritesNothing() throws Exception {
        String sample = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        String bad = sample
                .replace("900005;Caron;Léo;08/11/2010", "900005;Caron;=cmd|' /C calc'!A0;08/11/2010")
                .replace("900006;Nguyen;Linh;21/02/2010", "900006;Nguyen;Linh;31/02/2010")
                + "900007;Martel;Zoé;01/01/2010;2nde D;;;;;;;;;;;;;;\n";
        Path file = Files.createTempDirectory("import").resolve("import-bad.csv");
        Files.writeString(file, bad, StandardCharsets.UTF_8);
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "a.moreau1", MOREAU_PASSWORD);
            browser.go("/admin/import");
            upload(browser, file);
            browser.screenshot("admin-import-errors");
            assertEquals(2, count(browser, "count-errors"));
            String errors = text(browser, "result:errors");
            assertTrue(errors.contains("formule"), errors);
            assertTrue(errors.contains("31/02/2010"), errors);
            assertTrue(errors.contains("6") && errors.contains("7"), "rows 6 and 7 named: " + errors);
            assertTrue(browser.driver().findElements(By.id("result:confirm")).isEmpty(), "cannot be confirmed");

            Path missing = file.resolveSibling("import-missing-columns.csv");
            Files.writeString(missing, "Identifiant élève;Nom;Division\n900001;Dupuis;2nde D\n", StandardCharsets.UTF_8);
            upload(browser, missing);
            assertTrue(text(browser, "refusal").contains("colonnes manquantes : Prénom, Date de naissance"),
                    text(browser, "refusal"));
            Path utf16 = file.resolveSibling("import-utf16.csv");
            Files.write(utf16, sample.getBytes(StandardCharsets.UTF_16));
            upload(browser, utf16);
            assertTrue(text(browser, "refusal").contains("UTF-8 ou Windows-1252"), text(browser, "refusal"));

            Path garbage = file.resolveSibling("import-garbage.csv");
            byte[] noise = new byte[10 * 1024 * 1024];
            new java.util.Random(6).nextBytes(noise);
            Files.write(garbage, noise);
            browser.driver().findElement(By.cssSelector("#upload input[type=file]")).sendKeys(garbage.toString());
            browser.driver().findElement(By.id("upload:preview")).click(); // refused in the browser or by the server
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> d.getPageSource().contains("trop volumineux") || d.getPageSource().contains("dépasse 8 Mo"));
            browser.screenshot("admin-import-too-large");
            assertTrue(browser.driver().findElements(By.id("result:summary")).isEmpty(), "10 MB of garbage: refused");

            // the sample saved by a spreadsheet in Windows-1252: read as such, and the bad files wrote nothing
            Path cp1252 = file.resolveSibling("import-lycee-cp1252.csv");
            Files.write(cp1252, sample.getBytes("windows-1252"));
            upload(browser, cp1252);
            assertTrue(text(browser, "result:summary").contains("windows-1252"), text(browser, "result:summary"));
            assertEquals(0, count(browser, "count-create"));
            assertEquals(0, count(browser, "count-update"));
            assertEquals(0, count(browser, "count-ends"));
            assertEquals(11, count(browser, "count-unchanged"));
        }
    }

    @Test
    @Order(3)
    void garnierGets404ForTheLycee() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            if (lyceeId == null) {
                signIn(browser, "a.moreau1", MOREAU_PASSWORD);
                browser.go("/admin/import");
                lyceeId = browser.driver().findElement(By.id("import")).getAttribute("data-establishment");
                signOut(browser);
            }
            signIn(browser, "b.garnier1", GARNIER_PASSWORD);
            browser.go("/admin/import");
            String own = browser.driver().findElement(By.id("import")).getAttribute("data-establishment");
            assertFalse(own.equals(lyceeId), "b.garnier1 imports into the collège");
            browser.go("/admin/import?establishment=" + lyceeId);
            assertFalse(browser.driver().findElements(By.id("error-heading")).isEmpty(), "404 page for a forged id");
            assertTrue(browser.driver().findElements(By.id("upload:file")).isEmpty());
        }
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "p.petit1", "Tableau#Noir2026");
            browser.go("/admin/import");
            assertFalse(browser.driver().findElements(By.id("error-heading")).isEmpty(), "a principal teacher gets 404");
        }
    }

    @Test
    @Order(4)
    void aPersonOfThePreviousEntSignsInOnceWithTheOldCredentials() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, LEGACY_LOGIN, LEGACY_PASSWORD);
            WebDriver driver = browser.driver();
            assertTrue(driver.getCurrentUrl().contains("/first-connection"), driver.getCurrentUrl() + " " + loginError(browser));
            String identifier = driver.findElement(By.id("new-identifier-value")).getText();
            assertTrue(identifier.matches("k\\.dupuis[0-9]+"), identifier);
            assertFalse(driver.findElements(By.id("weak-password")).isEmpty(), "the old password breaks the policy");
            browser.screenshot("legacy-new-identifier");
            driver.findElement(By.id("firstConnection:password")).sendKeys(NEW_PASSWORD);
            driver.findElement(By.id("firstConnection:confirmation")).sendKeys(NEW_PASSWORD);
            driver.findElement(By.id("firstConnection:charter")).click();
            submitAndWait(driver, By.id("firstConnection:submit"));
            assertFalse(driver.getCurrentUrl().contains("/first-connection"), driver.getCurrentUrl());
            signOut(browser);

            signIn(browser, LEGACY_LOGIN, LEGACY_PASSWORD);
            assertTrue(driver.getCurrentUrl().contains("/login"), "the old login and password work once only");
            assertFalse(loginError(browser).isEmpty());
            signIn(browser, identifier, LEGACY_PASSWORD);
            assertTrue(driver.getCurrentUrl().contains("/login"), "the old password is gone (replaced by the new one)");
            signIn(browser, identifier, NEW_PASSWORD);
            assertFalse(driver.getCurrentUrl().contains("/login"), "the new identifier and password sign in");
        }
    }

    // ---- issue 20 (holds): transfers need the region; legacy hash costs; one hold for old login and new identifier ----

    /** A Créteil establishment of this test only (the lycée's académie: the registry ids are shared). */
    static final String TRANSFER_UAI = AdminRegionIT.validUai(930_020);
    static final String TRANSFER_ROW = "910001;Transfert;Élise;05/05/2010;2nde A;;;;;;;;;;;;;;\n";
    /** The same registry pupil, other names and birth date: what a school admin must not be able to write. */
    static final String USURPING_ROW = "910001;Usurpé;Nom;01/01/2009;2nde D;;;;;;;;;;;;;;\n";

    @Test
    @Order(5)
    void aPupilOfAnotherEstablishmentMovesOnlyThroughTheRegion() throws Exception {
        String sample = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        String header = sample.substring(0, sample.indexOf('\n') + 1);
        Path dir = Files.createTempDirectory("transfer");
        Path own = dir.resolve("import-transfer-own.csv");
        Files.writeString(own, header + TRANSFER_ROW, StandardCharsets.UTF_8);
        Path usurping = dir.resolve("import-transfer-usurping.csv");
        Files.writeString(usurping, sample + USURPING_ROW, StandardCharsets.UTF_8);

        // the region creates a second Créteil establishment and imports a pupil into it
        Http region = AdminRegionIT.signedIn("r.admin1", AdminRegionIT.REGION_PASSWORD, "198.51.100.230");
        java.util.Map<String, String> form = AdminRegionIT.form(region.get("/admin/region/establishments").body(),
                "establishment", "establishment:save");
        form.put("establishment:uai", TRANSFER_UAI);
        form.put("establishment:name", "Lycée Transfert Test");
        form.put("establishment:kind", "LYCEE");
        form.put("establishment:academie", "Créteil");
        form.put("establishment:city", "Meaux");
        form.put("establishment:contactEmail", "ce." + TRANSFER_UAI.toLowerCase() + "@ac-creteil.fr");
        form.put("establishment:contactPhone", "01 60 00 00 01");
        var created = region.post("/admin/region/establishments", form);
        assertEquals(302, created.statusCode(), created.body());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("[?&]id=(\\d+)")
                .matcher(created.headers().firstValue("Location").orElseThrow());
        assertTrue(id.find());
        String otherId = id.group(1);
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "r.admin1", AdminRegionIT.REGION_PASSWORD);
            browser.go("/admin/import?establishment=" + otherId);
            upload(browser, own);
            assertEquals(1, count(browser, "count-create"), text(browser, "counts"));
            browser.driver().findElement(By.id("result:confirm")).click();
            waitFor(browser, By.id("result:summary"), "Import terminé");
        }

        // the lycée's admin: the row is a transfer, listed apart and skipped; the rest of the file still imports
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "a.moreau1", MOREAU_PASSWORD);
            browser.go("/admin/import");
            upload(browser, usurping);
            browser.screenshot("admin-import-transfer-skipped");
            assertEquals(1, count(browser, "count-transfers"), text(browser, "counts"));
            String transfers = text(browser, "result:transfers");
            assertTrue(transfers.contains("Ligne ignorée") && transfers.contains("Lycée Transfert Test"), transfers);
            assertEquals(0, count(browser, "count-update"), "nothing of the transfer is written: " + text(browser, "counts"));
            assertEquals(0, count(browser, "count-errors"));
            browser.driver().findElement(By.id("result:confirm")).click();
            waitFor(browser, By.id("result:summary"), "Import terminé");
        }

        // nothing changed: the pupil's names and birth date are the region's import's, and not enrolled in the lycée
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "r.admin1", AdminRegionIT.REGION_PASSWORD);
            browser.go("/admin/import?establishment=" + otherId);
            upload(browser, own);
            assertEquals(0, count(browser, "count-update"), "the lycée's import changed nothing: " + text(browser, "counts"));
            assertEquals(1, count(browser, "count-unchanged"));

            // the region's import into the lycée applies the transfer, still listed apart
            browser.go("/admin/import?establishment=" + lyceeId());
            upload(browser, usurping);
            assertEquals(1, count(browser, "count-transfers"), text(browser, "counts"));
            String transfers = text(browser, "result:transfers");
            assertTrue(transfers.contains("Appliqué par la région"), transfers);
            assertEquals(1, count(browser, "count-update"), text(browser, "counts"));
            browser.driver().findElement(By.id("result:confirm")).click();
            waitFor(browser, By.id("result:summary"), "Import terminé");
            assertTrue(info(browser).contains("1 mis à jour"), info(browser));
        }
    }

    /** Zébulon Holdtest of the previous ENT: old login and salted SHA-256 of {@link #HOLD_LEGACY_PASSWORD}. */
    static final String HOLD_LEGACY_LOGIN = "zholdtest";
    static final String HOLD_LEGACY_PASSWORD = "ancien-mot-2019";

    @Test
    @Order(6)
    void legacyHashesAboveTheCostsAreRowErrors() throws Exception {
        String sample = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        Path costly = Files.createTempDirectory("legacy").resolve("import-legacy-costly.csv");
        Files.writeString(costly, sample + "910003;Cherhash;Paul;05/05/2010;2nde D;pcherhash;$2b$13$"
                + "a".repeat(53) + ";;;;;;;;;;;;\n", StandardCharsets.UTF_8);
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "a.moreau1", MOREAU_PASSWORD);
            browser.go("/admin/import");
            upload(browser, costly);
            assertEquals(1, count(browser, "count-errors"), text(browser, "counts"));
            String errors = text(browser, "result:errors");
            assertTrue(errors.contains("coût 13") && errors.contains("au plus le coût 12"), errors);
            assertTrue(browser.driver().findElements(By.id("result:confirm")).isEmpty(), "cannot be confirmed");
        }
    }

    @Test
    @Order(7)
    void theOldLoginAndTheNewIdentifierShareOneHold() throws Exception {
        String sample = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("legacy");
        byte[] salt = java.util.HexFormat.of().parseHex("5a17ed5a17ed5a17");
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        String legacyHash = "sha256:5a17ed5a17ed5a17:" + java.util.HexFormat.of()
                .formatHex(sha.digest(HOLD_LEGACY_PASSWORD.getBytes(StandardCharsets.UTF_8)));
        Path legacy = dir.resolve("import-legacy-hold.csv");
        Files.writeString(legacy, sample + "910002;Holdtest;Zébulon;05/05/2010;2nde D;" + HOLD_LEGACY_LOGIN + ";"
                + legacyHash + ";;;;;;;;;;;;\n", StandardCharsets.UTF_8);
        String identifier;
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "a.moreau1", MOREAU_PASSWORD);
            browser.go("/admin/import");
            upload(browser, legacy);
            assertEquals(1, count(browser, "count-create"), text(browser, "counts"));
            browser.driver().findElement(By.id("result:confirm")).click();
            waitFor(browser, By.id("result:summary"), "Import terminé");
            identifier = "z.holdtest1";
        }
        // four wrong passwords on the old login, one on the new identifier: the fifth failure of ONE account
        for (int i = 0; i < 4; i++) {
            assertEquals(200, attempt(HOLD_LEGACY_LOGIN, "faux-" + i, "198.51.100.24" + i).statusCode());
        }
        assertEquals(200, attempt(identifier, "faux-4", "198.51.100.244").statusCode());
        var held = attempt(HOLD_LEGACY_LOGIN, HOLD_LEGACY_PASSWORD, "198.51.100.245");
        assertEquals(200, held.statusCode(), "the right old password is refused while the account is held: "
                + held.headers().firstValue("Location").orElse(""));
        var heldToo = attempt(identifier, HOLD_LEGACY_PASSWORD, "198.51.100.246");
        assertEquals(200, heldToo.statusCode(), "and under the new identifier too");
    }

    private static java.net.http.HttpResponse<String> attempt(String identifier, String password, String ip) {
        Http http = new Http();
        return http.post("/login", Http.loginForm(http.get("/login").body(), identifier, password), "X-Forwarded-For", ip);
    }

    private static String lyceeId() throws Exception {
        if (lyceeId == null) {
            try (Browser browser = Browser.open("fr")) {
                signIn(browser, "a.moreau1", MOREAU_PASSWORD);
                browser.go("/admin/import");
                lyceeId = browser.driver().findElement(By.id("import")).getAttribute("data-establishment");
            }
        }
        return lyceeId;
    }

    // ---- page objects ------------------------------------------------------------------------------------------

    static void upload(Browser browser, Path file) {
        WebDriver driver = browser.driver();
        driver.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(file.toAbsolutePath().normalize().toString());
        submitAndWait(driver, By.id("upload:preview"));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("result:summary")).isEmpty()
                || !d.findElements(By.id("result:refused")).isEmpty());
    }

    static void waitFor(Browser browser, By element, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    static int count(Browser browser, String id) {
        return Integer.parseInt(text(browser, id).strip());
    }

    static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    static String info(Browser browser) {
        var infos = browser.driver().findElements(By.cssSelector("#result\\:messages .ui-messages-info-summary"));
        return infos.isEmpty() ? "" : infos.get(0).getText();
    }
}
