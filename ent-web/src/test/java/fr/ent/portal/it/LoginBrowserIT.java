package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The first journey in a real browser: the sign-in page loads cleanly, on a desktop and on a phone. */
@ExtendWith(Portal.class)
class LoginBrowserIT {

    @Test
    void loginPageLoadsWithoutConsoleErrors() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            browser.go("/login");
            assertEquals("Connexion – ENT – Portail d'accès", browser.driver().getTitle());
            WebElement identifier = browser.driver().findElement(By.id("identifier"));
            WebElement password = browser.driver().findElement(By.cssSelector("input[type=password]"));
            assertTrue(identifier.isDisplayed() && password.isDisplayed());
            assertEquals("Identifiant", browser.driver().findElement(By.cssSelector("label[for=identifier]")).getText().replace("*", "").trim());
            var errors = browser.consoleErrors();
            assertTrue(errors.isEmpty(), () -> "console errors: " + errors);
            Path shot = browser.screenshot("login");
            assertTrue(Files.size(shot) > 1000, "screenshot written");
        }
    }

    @Test
    void loginPageFitsAPhoneWithoutHorizontalScrolling() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            browser.phoneSize();
            browser.go("/login");
            Number scrollWidth = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
            Number clientWidth = (Number) browser.driver().executeScript("return document.documentElement.clientWidth");
            assertTrue(scrollWidth.intValue() <= clientWidth.intValue(),
                    "no horizontal scrolling at 360 px: scrollWidth " + scrollWidth + " > " + clientWidth);
            browser.screenshot("login-phone");
        }
    }
}
