package fr.ent.portal.it;

import static fr.ent.portal.it.SignInPages.completeFirstConnection;
import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static fr.ent.portal.it.SignInPages.submitAndWait;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Page objects of the families journeys: /children, /establishments, /home tiles, /account. */
public final class FamilyPages {

    public static final String DURAND_PASSWORD = "Cahier<Bleu>€µ 2026";
    public static final String DURAND_EMAIL = "c.durand@example.org";
    public static final String LYCEE = "Lycée Camille Claudel";
    public static final String COLLEGE = "Collège Jules Ferry";

    private FamilyPages() {
    }

    /**
     * Signs c.durand1 in whatever ran before: with the provisional code and the first connection (the same password
     * and email as {@code SignInJourneyIT}) when still owed, else with that password. Returns true when the first
     * connection was done here.
     */
    public static boolean signInDurand(Browser browser) {
        signIn(browser, "c.durand1", "DEMO2-PARENT");
        if (browser.driver().getCurrentUrl().endsWith("/first-connection")) {
            completeFirstConnection(browser, DURAND_PASSWORD, DURAND_EMAIL);
            return true;
        }
        if (!loginError(browser).isEmpty()) {
            signIn(browser, "c.durand1", DURAND_PASSWORD);
        }
        return false;
    }

    public static String path(Browser browser) {
        String url = browser.driver().getCurrentUrl();
        return url.substring(Portal.base().toString().replaceAll("/$", "").length());
    }

    public static WebElement child(Browser browser, String firstName) {
        return browser.driver().findElement(By.cssSelector("li.child[data-child='" + firstName + "']"));
    }

    public static boolean childPending(Browser browser, String firstName) {
        return !child(browser, firstName).findElements(By.cssSelector("input[id$='birthDate']")).isEmpty();
    }

    /** Types a birth date for a child on /children and confirms it. */
    public static void typeBirthDate(Browser browser, String firstName, String date) {
        WebElement input = child(browser, firstName).findElement(By.cssSelector("input[id$='birthDate']"));
        input.clear();
        input.sendKeys(date);
        String id = child(browser, firstName).findElement(By.cssSelector("button[id$='attach']")).getAttribute("id");
        submitAndWait(browser.driver(), By.id(id));
    }

    public static String globalError(Browser browser) {
        var errors = browser.driver().findElements(By.cssSelector(".ui-messages-error-summary"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    public static String info(Browser browser) {
        var infos = browser.driver().findElements(By.cssSelector(".ui-messages-info-summary"));
        return infos.isEmpty() ? "" : infos.get(0).getText();
    }

    public static void chooseEstablishment(Browser browser, String name) {
        String id = browser.driver().findElement(By.cssSelector("li.choice[data-establishment='" + name + "'] button"))
                .getAttribute("id");
        submitAndWait(browser.driver(), By.id(id));
    }

    public static String establishmentOnHome(Browser browser) {
        return browser.driver().findElement(By.id("establishment-name")).getText();
    }

    public static List<String> tileNames(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#tiles .tile__name")).stream().map(WebElement::getText).toList();
    }

    public static List<String> tileChildren(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#tiles .tile__for")).stream().map(WebElement::getText).toList();
    }

    public static void click(Browser browser, String id) {
        submitAndWait(browser.driver(), By.id(id));
    }

    public static void type(Browser browser, String id, String text) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** True when the page fits the window's width (no horizontal scrolling). */
    public static boolean fitsWidth(Browser browser) {
        Object fits = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /** Screenshots at 1280 px and at 360 px, checking that the phone view has no horizontal scrolling. */
    public static void shoot(Browser browser, String name) throws Exception {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.screenshot(name);
        browser.phoneSize();
        browser.driver().navigate().refresh();
        browser.screenshot(name + "-phone");
        boolean fits = fitsWidth(browser);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        if (!fits) {
            throw new AssertionError(name + " scrolls horizontally at 360 px");
        }
    }
}
