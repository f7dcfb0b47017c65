package fr.ent.portal.it;

import static fr.ent.portal.it.FamilyPages.COLLEGE;
import static fr.ent.portal.it.FamilyPages.LYCEE;
import static fr.ent.portal.it.FamilyPages.childPending;
import static fr.ent.portal.it.FamilyPages.chooseEstablishment;
import static fr.ent.portal.it.FamilyPages.click;
import static fr.ent.portal.it.FamilyPages.establishmentOnHome;
import static fr.ent.portal.it.FamilyPages.globalError;
import static fr.ent.portal.it.FamilyPages.path;
import static fr.ent.portal.it.FamilyPages.shoot;
import static fr.ent.portal.it.FamilyPages.tileChildren;
import static fr.ent.portal.it.FamilyPages.tileNames;
import static fr.ent.portal.it.FamilyPages.type;
import static fr.ent.portal.it.FamilyPages.typeBirthDate;
import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The families journeys in a browser. Independent of the order of test classes: c.durand1's first connection is
 * done here or by {@code SignInJourneyIT} (same password and email); g.leroy1 belongs to these tests only (its
 * child's attachment is suspended, its password and email changed); s.bernard1 is only signed in when not held back
 * by {@code SignInJourneyIT} (its landing is also checked through the boundary, clock moved, in PersistenceIT).
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2) // see junit-platform.properties: the classes share the demo accounts
class FamiliesJourneyIT {

    static final String LEROY = "g.leroy1";
    static final String LEROY_PASSWORD = "Famille#Leroy2026";
    static final String LEROY_EMAIL = "g.leroy@example.org";

    @Test
    @Order(1)
    void durandAttachesHerChildrenChoosesTheLyceeAndSwitchesToTheCollege() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            boolean firstConnectionHere = FamilyPages.signInDurand(browser);
            if (firstConnectionHere) {
                assertEquals("/children", path(browser), "the step is offered right after the first connection");
            } else {
                browser.go("/children");
            }
            shoot(browser, "children");
            for (String[] child : new String[][] {{"Émile", "14/03/2012"}, {"Manon", "02/11/2009"}}) {
                if (childPending(browser, child[0])) {
                    typeBirthDate(browser, child[0], child[1]);
                    assertEquals("", globalError(browser), child[0]);
                }
                assertFalse(childPending(browser, child[0]), child[0] + " attached");
            }
            browser.screenshot("children-attached");

            click(browser, "next:continue");
            if (!path(browser).equals("/establishments")) {
                browser.go("/establishments"); // a choice remembered by an earlier run of this build
            }
            shoot(browser, "establishments");
            assertTrue(browser.driver().getPageSource().contains(COLLEGE));
            chooseEstablishment(browser, LYCEE);
            assertEquals("/home", path(browser));
            assertEquals(LYCEE, establishmentOnHome(browser));
            assertEquals(List.of("Pronote", "Médiacentre", "PIX"), tileNames(browser));
            assertEquals(List.of("Pour Manon", "Pour Manon", "Pour Manon"), tileChildren(browser));
            assertTrue(browser.driver().findElement(By.cssSelector("#tiles a")).getAttribute("href")
                    .startsWith("https://0771763y.index-education.net/pronote"));
            shoot(browser, "home-lycee");

            click(browser, "switch-establishment");
            chooseEstablishment(browser, COLLEGE);
            assertEquals(COLLEGE, establishmentOnHome(browser));
            assertEquals("Pour Émile", tileChildren(browser).get(0));
            assertEquals(COLLEGE, browser.driver().findElement(By.id("current-establishment")).getText());

            signOut(browser);
            signIn(browser, "c.durand1", FamilyPages.DURAND_PASSWORD);
            assertEquals("/home", path(browser), "the remembered choice is still valid: no question");
            assertEquals(COLLEGE, establishmentOnHome(browser));
        }
    }

    @Test
    @Order(2)
    void fiveWrongBirthDatesSuspendTheAttachment() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, LEROY, LEROY_PASSWORD);
            assertEquals("/home", path(browser));
            click(browser, "go-children");
            typeBirthDate(browser, "Lina", "31/02/2013");
            assertTrue(globalError(browser).contains("n’est pas valide"), globalError(browser));
            typeBirthDate(browser, "Lina", "01/01/2099");
            assertTrue(globalError(browser).contains("futur"), globalError(browser));
            for (int remaining = 4; remaining >= 1; remaining--) {
                typeBirthDate(browser, "Lina", (10 + remaining) + "/06/2013"); // never the 21st, her birthday
                assertTrue(globalError(browser).contains(remaining == 1 ? "1 essai" : remaining + " essais"),
                        () -> "bad input did not count: " + globalError(browser));
            }
            typeBirthDate(browser, "Lina", "20/06/2013");
            assertTrue(globalError(browser).contains("suspendu"), globalError(browser));
            browser.screenshot("children-suspended");
            browser.go("/children");
            assertFalse(childPending(browser, "Lina"), "no more tries");
            assertTrue(browser.driver().getPageSource().contains("Rattachement suspendu"));
        }
    }

    @Test
    @Order(3)
    void theAccountPageChangesPasswordAndEmailWithTheirMails() throws Exception {
        String newPassword = "Nouvelle#Clef 2027";
        String newEmail = "g.leroy.nouveau@example.org";
        int toOld = Mailbox.to(LEROY_EMAIL, "").size();
        try (Browser browser = Browser.open("fr"); Browser other = Browser.open("fr")) {
            signIn(browser, LEROY, LEROY_PASSWORD);
            signIn(other, LEROY, LEROY_PASSWORD);
            browser.go("/account");
            assertFalse(browser.driver().findElements(By.cssSelector("#sign-ins li")).isEmpty(), "recent sign-ins");
            shoot(browser, "account");

            type(browser, "password:current", "pas le bon");
            type(browser, "password:password", newPassword);
            type(browser, "password:confirmation", newPassword);
            click(browser, "password:submit");
            assertTrue(browser.driver().getPageSource().contains("Ce n’est pas votre mot de passe actuel"));

            type(browser, "password:current", LEROY_PASSWORD);
            type(browser, "password:password", newPassword);
            type(browser, "password:confirmation", newPassword);
            click(browser, "password:submit");
            assertTrue(FamilyPages.info(browser).contains("mot de passe a été changé"), FamilyPages.info(browser));
            MimeMessage notice = Mailbox.await(LEROY_EMAIL, "", toOld);
            assertTrue(Mailbox.body(notice).contains("Gabriel"), Mailbox.body(notice));

            type(browser, "recovery:email", newEmail);
            click(browser, "recovery:submit");
            assertTrue(FamilyPages.info(browser).contains(newEmail), FamilyPages.info(browser));
            MimeMessage verification = Mailbox.await(newEmail, "", 0);
            String link = Mailbox.link(verification, "/verify-email?token=").orElseThrow();
            MimeMessage changed = Mailbox.await(LEROY_EMAIL, "", toOld + 1);
            assertTrue(Mailbox.body(changed).contains("@example.org"), Mailbox.body(changed));
            browser.driver().get(link);
            assertEquals("VERIFIED", browser.driver().findElement(By.id("verify-result")).getAttribute("data-result"));

            signOut(browser);
            signIn(browser, LEROY, LEROY_PASSWORD);
            assertEquals("Identifiant ou mot de passe incorrect.", loginError(browser), "the old password is gone");
            signIn(browser, LEROY, newPassword);
            assertEquals("/home", path(browser));

            browser.go("/account");
            click(browser, "everywhere:signOutEverywhere");
            assertEquals("/login", path(browser), "this session ended too");
            other.go("/account");
            assertEquals("/login", path(other), "and the other browser's");
            signIn(other, LEROY, newPassword);
            assertEquals("/home", path(other), "a new sign-in works");
        }
    }

    /** s.bernard1's son moved to the lycée over the summer: she lands there, never at the collège. */
    @Test
    @Order(4)
    void bernardLandsAtTheLycee() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "s.bernard1", "Soleil#Rouge2026");
            Assumptions.assumeTrue(loginError(browser).isEmpty(),
                    "s.bernard1 is held back for strangers by SignInJourneyIT; PersistenceIT checks the landing");
            assertEquals("/home", path(browser));
            assertEquals(LYCEE, establishmentOnHome(browser));
            assertEquals("Pour Théo", tileChildren(browser).get(0));
            assertFalse(browser.driver().getPageSource().contains(COLLEGE));
        }
    }
}
