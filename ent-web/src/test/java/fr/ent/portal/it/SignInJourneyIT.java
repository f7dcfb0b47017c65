package fr.ent.portal.it;

import static fr.ent.portal.it.SignInPages.completeFirstConnection;
import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.signOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The sign-in issue's journeys in a real browser: letters, first connection, email verification, brute force. */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3) // see junit-platform.properties: the classes share the demo accounts
class SignInJourneyIT {

    static final String WRONG = "Identifiant ou mot de passe incorrect.";

    @Test
    @Order(1)
    void aPupilGoesFromTheLetterToHome() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            signIn(browser, "l.martin1", "demo1-pupil");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/first-connection"), browser.driver().getCurrentUrl());
            browser.screenshot("first-connection-pupil");
            completeFirstConnection(browser, "Vélo rouge à Créteil 7", null);
            browser.screenshot("first-connection-pupil-done");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/home"), browser.driver().getCurrentUrl());
            assertTrue(browser.driver().getPageSource().contains("l.martin1"));
            browser.screenshot("home-pupil");

            signOut(browser);
            signIn(browser, "l.martin1", "DEMO1-PUPIL");
            assertEquals(WRONG, loginError(browser), "the provisional code no longer works");
            signIn(browser, "L.Martin1 ", "Vélo rouge à Créteil 7");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/home"), "the chosen password signs in");
        }
    }

    @Test
    @Order(2)
    void aRepresentativeRecordsAnEmailAndVerifiesItFromTheMail() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            // The first connection is done here or by FamiliesJourneyIT (same password and email), whichever runs first.
            if (FamilyPages.signInDurand(browser)) {
                assertTrue(browser.driver().getCurrentUrl().endsWith("/children"),
                        "a representative with children to confirm is offered /children: " + browser.driver().getCurrentUrl());
            }

            MimeMessage mail = Mailbox.await("c.durand@example.org", "", 0);
            String link = Mailbox.link(mail, "/verify-email?token=").orElseThrow(() ->
                    new AssertionError("no verification link in: " + Mailbox.body(mail)));
            browser.driver().get(link);
            assertEquals("VERIFIED", browser.driver().findElement(By.id("verify-result")).getAttribute("data-result"));
            browser.driver().get(link);
            assertEquals("ALREADY_USED", browser.driver().findElement(By.id("verify-result")).getAttribute("data-result"),
                    "a link works once");
        }
    }

    @Test
    @Order(3)
    void aWrongCodeGetsTheSameMessageInEnglish() throws Exception {
        try (Browser browser = Browser.open("en")) {
            signIn(browser, "l.martin1", "wrong code");
            assertEquals("Incorrect identifier or password.", loginError(browser));
        }
    }

    @Test
    @Order(4)
    void failuresHoldStrangersBackButNotTheOwnersBrowser() throws Exception {
        int mailsBefore = Mailbox.to("s.bernard@example.org", "").size();
        try (Browser owner = Browser.open("fr"); Browser stranger = Browser.open("fr")) {
            signIn(owner, "s.bernard1", "Soleil#Rouge2026");
            assertTrue(owner.driver().getCurrentUrl().endsWith("/home"));
            signOut(owner);

            for (int i = 1; i <= 6; i++) {
                signIn(stranger, "s.bernard1", "Soleil#Rouge202" + i);
                assertEquals(WRONG, loginError(stranger), "attempt " + i);
            }
            signIn(stranger, "nobody.here9", "Soleil#Rouge2026");
            assertEquals(WRONG, loginError(stranger), "an unknown identifier gets the same message");
            signIn(stranger, "s.bernard1", "Soleil#Rouge2026");
            assertEquals(WRONG, loginError(stranger), "held back: even the right password waits, with the same message");

            MimeMessage notice = Mailbox.await("s.bernard@example.org", "", mailsBefore);
            assertTrue(Mailbox.body(notice).contains("Sophie") || Mailbox.body(notice).contains("/help"),
                    "the owner is told: " + Mailbox.body(notice));

            signIn(owner, "s.bernard1", "Soleil#Rouge2026");
            assertTrue(owner.driver().getCurrentUrl().endsWith("/home"),
                    "the browser that signed in before is not held back: " + loginError(owner));
        }
    }

    @Test
    @Order(5)
    void theSessionIdChangesAtSignInAndSignOutEndsTheSession() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            browser.go("/login");
            org.openqa.selenium.Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");
            signIn(browser, "p.petit1", "Tableau#Noir2026");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/home"));
            org.openqa.selenium.Cookie after = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertTrue(after != null && (before == null || !before.getValue().equals(after.getValue())),
                    "a new session id at sign-in");
            assertTrue(after.isHttpOnly(), "the session cookie is HttpOnly");
            org.openqa.selenium.Cookie device = browser.driver().manage().getCookieNamed("ent_device");
            assertTrue(device != null && device.isHttpOnly() && "Lax".equals(device.getSameSite()),
                    "the device cookie is HttpOnly and SameSite=Lax");

            signOut(browser);
            browser.go("/home");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/login"), "signed out: /home asks to sign in again");
        }
    }
}
