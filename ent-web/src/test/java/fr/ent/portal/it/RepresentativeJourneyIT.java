package fr.ent.portal.it;

import static fr.ent.portal.it.FamilyPages.COLLEGE;
import static fr.ent.portal.it.FamilyPages.LYCEE;
import static fr.ent.portal.it.FamilyPages.childPending;
import static fr.ent.portal.it.FamilyPages.chooseEstablishment;
import static fr.ent.portal.it.FamilyPages.click;
import static fr.ent.portal.it.FamilyPages.establishmentOnHome;
import static fr.ent.portal.it.FamilyPages.globalError;
import static fr.ent.portal.it.FamilyPages.tileChildren;
import static fr.ent.portal.it.FamilyPages.tileNames;
import static fr.ent.portal.it.FamilyPages.typeBirthDate;
import static fr.ent.portal.it.JourneyPages.COLLEGE_ADMIN;
import static fr.ent.portal.it.JourneyPages.COLLEGE_ADMIN_PASSWORD;
import static fr.ent.portal.it.JourneyPages.path;
import static fr.ent.portal.it.SignInPages.completeFirstConnection;
import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.signOut;
import static fr.ent.portal.it.SignInPages.submitAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Issue 8's representative journeys in a real browser, on h.faure1 (demo data: no code until the collège prints her
 * letter; Paul at the lycée, Zoé at the collège; no other test uses them): from the letter through the email
 * verification to two children attached, an establishment chosen and its service tiles; a forgotten password from the
 * mail to a new sign-in; a forgotten identifier (the mail lists her identifier and her children's); a lock and the
 * "was it you?" mail, the owner's browser not held back.
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Order.DEFAULT + 17) // see junit-platform.properties
class RepresentativeJourneyIT {

    static final String FAURE = "h.faure1";
    static final String EMAIL = "h.faure@example.org";
    static final String PASSWORD = "Goûter à 16 h 30, Zoé!";
    static final String NEW_PASSWORD = "Réunion parents 18 h, Paul?";

    static Browser family;
    static String password = PASSWORD;

    @BeforeAll
    static void browser() throws Exception {
        family = Browser.open("fr");
    }

    @AfterAll
    static void close() {
        if (family != null) {
            family.close();
        }
    }

    @Test
    @Order(1)
    void fromTheLetterThroughEmailVerificationToTwoChildrenAndTheServiceTiles() throws Exception {
        String code = printLetter();

        signIn(family, FAURE, code);
        assertEquals("/first-connection", path(family), loginError(family));
        completeFirstConnection(family, PASSWORD, EMAIL);
        assertEquals("/children", path(family), "a representative with children to confirm is offered /children");

        MimeMessage verification = Mailbox.await(EMAIL, "Confirmez votre adresse", 0);
        String link = Mailbox.link(verification, "/verify-email?token=")
                .orElseThrow(() -> new AssertionError(Mailbox.body(verification)));
        family.driver().get(link);
        assertEquals("VERIFIED", family.driver().findElement(By.id("verify-result")).getAttribute("data-result"));

        family.go("/children");
        typeBirthDate(family, "Paul", "04/09/2009");
        assertEquals("", globalError(family));
        typeBirthDate(family, "Zoé", "28/01/2013");
        assertEquals("", globalError(family));
        assertFalse(childPending(family, "Paul") || childPending(family, "Zoé"), "both attached");

        click(family, "next:continue");
        assertEquals("/establishments", path(family), "two establishments: she chooses");
        chooseEstablishment(family, COLLEGE);
        assertEquals("/home", path(family));
        assertEquals(COLLEGE, establishmentOnHome(family));
        // the collège's own services first (SingleSignOnIT may have added its test services after them)
        assertEquals(List.of("Pronote", "Médiacentre", "PIX"), tileNames(family).subList(0, 3));
        assertEquals(List.of("Pour Zoé", "Pour Zoé", "Pour Zoé"), tileChildren(family).subList(0, 3));

        click(family, "switch-establishment");
        chooseEstablishment(family, LYCEE);
        assertEquals(LYCEE, establishmentOnHome(family));
        assertEquals("Pour Paul", tileChildren(family).get(0));
        JourneyPages.assertCalmPage(family);
    }

    @Test
    @Order(2)
    void aForgottenPasswordGoesFromTheMailToANewSignIn() throws Exception {
        signOut(family);
        int before = Mailbox.to(EMAIL, "Choisissez un nouveau mot de passe").size();
        WebDriver driver = family.driver();
        family.go("/login");
        driver.findElement(By.cssSelector(".help-link a")).click();
        SignInPages.wait(driver).until(d -> d.getCurrentUrl().endsWith("/help"));
        family.go("/help/password");
        driver.findElement(By.id("forgottenPassword:typed")).sendKeys(EMAIL);
        submitAndWait(driver, By.id("forgottenPassword:submit"));
        assertTrue(driver.findElement(By.id("answer")).getText().contains("Demande enregistrée"));

        MimeMessage mail = Mailbox.await(EMAIL, "Choisissez un nouveau mot de passe", before);
        String link = Mailbox.link(mail, "/reset?token=").orElseThrow(() -> new AssertionError(Mailbox.body(mail)));
        URI uri = URI.create(link);
        family.go(uri.getRawPath() + "?" + uri.getRawQuery());
        SignInPages.wait(driver).until(d -> !d.findElements(By.id("reset:password")).isEmpty());
        driver.findElement(By.id("reset:password")).sendKeys(NEW_PASSWORD);
        driver.findElement(By.id("reset:confirmation")).sendKeys(NEW_PASSWORD);
        submitAndWait(driver, By.id("reset:submit"));
        assertEquals("/login", path(family).replaceAll("\\?.*", ""));
        assertTrue(driver.getPageSource().contains("Votre mot de passe est changé"));

        signIn(family, FAURE, PASSWORD);
        assertEquals("Identifiant ou mot de passe incorrect.", loginError(family), "the old password is gone");
        signIn(family, FAURE, NEW_PASSWORD);
        assertEquals("/home", path(family), "the new password signs in: " + loginError(family));
        password = NEW_PASSWORD;
        assertEquals(LYCEE, establishmentOnHome(family), "her last choice is remembered");
    }

    @Test
    @Order(3)
    void aForgottenIdentifierMailListsHersAndHerChildrens() throws Exception {
        signOut(family);
        int before = Mailbox.to(EMAIL, "Rappel de votre identifiant").size();
        family.go("/help/identifier");
        family.driver().findElement(By.id("forgottenIdentifier:email")).sendKeys(EMAIL);
        submitAndWait(family.driver(), By.id("forgottenIdentifier:submit"));
        assertTrue(family.driver().findElement(By.id("answer")).getText().contains("Demande enregistrée"));
        String body = JourneyPages.text(Mailbox.await(EMAIL, "Rappel de votre identifiant", before));
        for (String identifier : List.of(FAURE, "p.faure1", "z.faure1")) {
            assertTrue(body.contains(identifier), identifier + " in " + body);
        }
    }

    @Test
    @Order(4)
    void strangersLockTheAccountAndTheOwnerIsAskedWasItYou() throws Exception {
        int before = Mailbox.to(EMAIL, "bloqué").size();
        signIn(family, FAURE, password); // this browser has signed in before: its owner is never held back
        assertEquals("/home", path(family));
        signOut(family);
        try (Browser stranger = Browser.open("fr")) {
            for (int i = 1; i <= 6; i++) {
                signIn(stranger, FAURE, "Devine#Mot" + i + "passe");
                assertEquals("Identifiant ou mot de passe incorrect.", loginError(stranger), "attempt " + i);
            }
            signIn(stranger, FAURE, password);
            assertEquals("Identifiant ou mot de passe incorrect.", loginError(stranger),
                    "held back: the right password waits too, with the same message");
        }
        MimeMessage notice = Mailbox.await(EMAIL, "bloqué", before);
        String body = JourneyPages.text(notice);
        assertTrue(body.contains("Hélène"), body);
        assertTrue(body.contains("C’était vous") && body.contains("Ce n’était pas vous"), body);

        signIn(family, FAURE, password);
        assertEquals("/home", path(family), "the owner's browser is not held back: " + loginError(family));
    }

    /** b.garnier1 (her daughter's collège) prints h.faure1's letter; the browser receives the PDF. Returns the code. */
    private static String printLetter() throws Exception {
        long account = JourneyPages.accountId(AdminRegionIT.signedIn(COLLEGE_ADMIN, COLLEGE_ADMIN_PASSWORD,
                "198.51.100.231"), FAURE);
        try (Browser admin = Browser.open("fr")) {
            Path downloads = JourneyPages.allowDownloads(admin);
            signIn(admin, COLLEGE_ADMIN, COLLEGE_ADMIN_PASSWORD);
            admin.go("/admin/letters?account=" + account);
            assertEquals(FAURE, admin.driver().findElement(By.id("subject-identifier")).getText());
            SchoolJourneyIT.clickWithoutWaiting(admin, By.id("letter:reissue"));
            byte[] pdf = JourneyPages.awaitDownload(downloads, ".pdf", 0);
            PdfReader reader = new PdfReader(pdf);
            assertEquals(1, reader.getNumberOfPages());
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            reader.close();
            assertTrue(text.contains(FAURE), text);
            assertTrue(text.contains("Paul") && text.contains("Zoé"), "her children's first names: " + text);
            return SchoolJourneyIT.code(text);
        }
    }
}
