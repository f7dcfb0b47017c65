package fr.ent.portal.it;

import static fr.ent.portal.it.AdminImportIT.count;
import static fr.ent.portal.it.AdminImportIT.info;
import static fr.ent.portal.it.AdminImportIT.text;
import static fr.ent.portal.it.AdminImportIT.waitFor;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.submitAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 25: a school's SIECLE exports (docs/samples: pupils in ISO-8859-15, legal representatives) through the admin
 * import page, with the same preview and confirmation as the CSV: the accounts, links and classes are created, a
 * re-import (zipped this time) changes nothing, a leaver's enrollment ends, a hostile XML is refused as a whole; the
 * school's STSWeb export creates its staff, their classes and principal teachers, and again changes nothing. The
 * region imports into its own test establishment (the samples' UAJ rewritten), so the lycée's other imports are
 * untouched.
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 13)
class DirectoryImportIT {

    static final Path SAMPLES = Path.of("..", "docs", "samples");
    static final String SAMPLE_UAI = "0771763Y";
    static final String UAI = AdminRegionIT.validUai(930_025);
    static final Charset LATIN9 = Charset.forName("ISO-8859-15");

    @Test
    void siecleExportsImportPreviewConfirmAndReimportWithNoChange() throws Exception {
        Path dir = Files.createTempDirectory("siecle");
        String pupilsXml = Files.readString(SAMPLES.resolve("siecle-ElevesSansAdresses.xml"), LATIN9).replace(SAMPLE_UAI, UAI);
        Path pupils = dir.resolve("ElevesSansAdresses.xml");
        Files.writeString(pupils, pupilsXml, LATIN9);
        Path representatives = dir.resolve("ResponsablesAvecAdresses.xml");
        Files.writeString(representatives, Files.readString(SAMPLES.resolve("siecle-ResponsablesAvecAdresses.xml"))
                .replace(SAMPLE_UAI, UAI));
        Path zipped = dir.resolve("ElevesSansAdresses.zip");
        try (OutputStream out = Files.newOutputStream(zipped); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("ElevesSansAdresses.xml"));
            zip.write(Files.readAllBytes(pupils));
            zip.closeEntry();
        }
        // Aurélien (120000002AC) leaves: his exit date is past
        Path leaver = dir.resolve("ElevesSansAdresses-sortie.xml");
        Files.writeString(leaver, pupilsXml.replace("<DATE_ENTREE>01/09/2025</DATE_ENTREE>\n      </ELEVE>\n      <ELEVE ELEVE_ID=\"7100003\"",
                "<DATE_ENTREE>01/09/2025</DATE_ENTREE>\n        <DATE_SORTIE>01/12/2026</DATE_SORTIE>\n      </ELEVE>\n      <ELEVE ELEVE_ID=\"7100003\""),
                LATIN9);
        assertTrue(Files.readString(leaver, LATIN9).contains("01/12/2026"), "the leaver's file differs");
        Path hostile = dir.resolve("hostile.xml");
        Files.writeString(hostile, "<?xml version=\"1.0\"?>\n<!DOCTYPE BEE_ELEVES [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<BEE_ELEVES><PARAMETRES><UAJ>" + UAI + "</UAJ></PARAMETRES><DONNEES>&x;</DONNEES></BEE_ELEVES>");

        String establishmentId = createEstablishment();
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "r.admin1", AdminRegionIT.REGION_PASSWORD);
            browser.go("/admin/import?establishment=" + establishmentId);

            upload(browser, pupils, representatives);
            browser.screenshot("admin-import-siecle-preview");
            // 4 pupils (the fifth left on 20/11/2026) and 4 legal representatives (RESP_LEGAL 0 is not one)
            assertEquals(0, count(browser, "count-errors"), text(browser, "result"));
            assertEquals(8, count(browser, "count-create"), text(browser, "counts"));
            assertEquals(5, count(browser, "count-links"), text(browser, "counts"));
            assertTrue(text(browser, "new-divisions").contains("2nde B"), text(browser, "new-divisions"));
            assertTrue(text(browser, "new-divisions").contains("Terminale A"), text(browser, "new-divisions"));
            browser.driver().findElement(By.id("result:confirm")).click();
            waitFor(browser, By.id("result:summary"), "Import terminé");
            // the info message can be gone already when the machine is loaded (a poll answered after the last one
            // re-renders the form without it): the re-import below proves what was written
            String done = info(browser);
            assertTrue(done.isEmpty() || done.contains("8 comptes créés"), done);

            // the same exports again, the pupils' zipped: nothing changes
            upload(browser, zipped, representatives);
            assertEquals(0, count(browser, "count-create"), text(browser, "counts"));
            assertEquals(0, count(browser, "count-update"), text(browser, "counts"));
            assertEquals(8, count(browser, "count-unchanged"), text(browser, "counts"));
            assertEquals(0, count(browser, "count-links"), text(browser, "counts"));
            assertEquals(0, count(browser, "count-ends"), text(browser, "counts"));

            // a leaver: his enrollment ends, nothing else
            upload(browser, leaver, representatives);
            assertEquals(1, count(browser, "count-ends"), text(browser, "counts"));
            assertTrue(text(browser, "result").contains("Fontaine") || text(browser, "result").contains("FONTAINE"),
                    text(browser, "result"));
            assertEquals(0, count(browser, "count-create"), text(browser, "counts"));
            browser.driver().findElement(By.id("result:confirm")).click();
            waitFor(browser, By.id("result:summary"), "Import terminé");
            upload(browser, leaver, representatives);
            assertEquals(0, count(browser, "count-ends"), "ended once: " + text(browser, "counts"));

            // an external entity: the whole file is refused, nothing read
            upload(browser, hostile, null);
            String refused = text(browser, "result:refused");
            assertTrue(refused.contains("DOCTYPE"), refused);
            assertTrue(!refused.contains("root:"), refused);

            // the school's STSWeb export alone: its staff, their classes and the principal teachers; no pupil ends
            Path sts = dir.resolve("sts_emp_" + UAI + "_2026.xml");
            Files.writeString(sts, Files.readString(SAMPLES.resolve("sts_emp_0771763Y_2026.xml"), LATIN9)
                    .replace(SAMPLE_UAI, UAI), LATIN9);
            upload(browser, sts, null);
            assertEquals(0, count(browser, "count-errors"), text(browser, "result"));
            assertEquals(0, count(browser, "count-ends"), "an STSWeb export ends no enrollment: " + text(browser, "counts"));
            assertEquals(3, count(browser, "staff-create"), text(browser, "staff-counts"));
            assertEquals(2, count(browser, "staff-principals"), text(browser, "staff-counts"));
            assertEquals(8, count(browser, "staff-roles-added"), text(browser, "staff-counts"));
            browser.driver().findElement(By.id("result:confirm")).click();
            waitFor(browser, By.id("result:summary"), "Import terminé");
            upload(browser, sts, null);
            assertEquals(0, count(browser, "staff-create"), "a re-import changes nothing: " + text(browser, "staff-counts"));
            assertEquals(3, count(browser, "staff-unchanged"), text(browser, "staff-counts"));
            assertEquals(0, count(browser, "staff-roles-added"), text(browser, "staff-counts"));
            assertEquals(0, count(browser, "staff-roles-removed"), text(browser, "staff-counts"));
        }
    }

    /** The region creates the test establishment (Créteil) the samples are imported into; its id. */
    static String createEstablishment() {
        Http region = AdminRegionIT.signedIn("r.admin1", AdminRegionIT.REGION_PASSWORD, "198.51.100.231");
        java.util.Map<String, String> form = AdminRegionIT.form(region.get("/admin/region/establishments").body(),
                "establishment", "establishment:save");
        form.put("establishment:uai", UAI);
        form.put("establishment:name", "Lycée SIECLE Test");
        form.put("establishment:kind", "LYCEE");
        form.put("establishment:academie", "Créteil");
        form.put("establishment:city", "Melun");
        form.put("establishment:contactEmail", "ce." + UAI.toLowerCase() + "@ac-creteil.fr");
        form.put("establishment:contactPhone", "01 60 00 00 02");
        var created = region.post("/admin/region/establishments", form);
        assertEquals(302, created.statusCode(), created.body());
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("[?&]id=(\\d+)")
                .matcher(created.headers().firstValue("Location").orElseThrow());
        assertTrue(id.find());
        return id.group(1);
    }

    static void upload(Browser browser, Path pupils, Path representatives) throws IOException {
        WebDriver driver = browser.driver();
        driver.findElement(By.cssSelector("#upload input[type=file][id^='upload:file']"))
                .sendKeys(pupils.toAbsolutePath().normalize().toString());
        if (representatives != null) {
            driver.findElement(By.cssSelector("#upload input[type=file][id^='upload:representatives']"))
                    .sendKeys(representatives.toAbsolutePath().normalize().toString());
        }
        submitAndWait(driver, By.id("upload:preview"));
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> !d.findElements(By.id("result:summary")).isEmpty()
                || !d.findElements(By.id("result:refused")).isEmpty());
    }
}
