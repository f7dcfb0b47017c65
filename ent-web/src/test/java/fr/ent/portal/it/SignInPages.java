package fr.ent.portal.it;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Page objects of the sign-in journeys. */
public final class SignInPages {

    private SignInPages() {
    }

    public static void signIn(Browser browser, String identifier, String secret) {
        browser.go("/login");
        WebDriver driver = browser.driver();
        driver.findElement(By.id("identifier")).clear();
        driver.findElement(By.id("identifier")).sendKeys(identifier);
        driver.findElement(By.id("password")).sendKeys(secret);
        submitAndWait(driver, By.id("submit"));
    }

    /** The global error shown on /login, or "" when none. */
    public static String loginError(Browser browser) {
        var errors = browser.driver().findElements(By.cssSelector("#messages .ui-messages-error-summary"));
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    public static void completeFirstConnection(Browser browser, String password, String email) {
        WebDriver driver = browser.driver();
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("firstConnection:password")));
        driver.findElement(By.id("firstConnection:password")).sendKeys(password);
        driver.findElement(By.id("firstConnection:confirmation")).sendKeys(password);
        if (email != null) {
            driver.findElement(By.id("firstConnection:email")).sendKeys(email);
        }
        WebElement charter = driver.findElement(By.id("firstConnection:charter"));
        charter.click();
        submitAndWait(driver, By.id("firstConnection:submit"));
    }

    public static void signOut(Browser browser) {
        browser.driver().findElement(By.id("logout")).click();
        wait(browser.driver()).until(ExpectedConditions.urlContains("/login"));
    }

    /** Clicks a submit button and waits for the answer page (same URL or not) to be loaded. */
    static void submitAndWait(WebDriver driver, By button) {
        String marker = "ent-test-" + System.nanoTime();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window['" + marker + "'] = true;");
        driver.findElement(button).click();
        wait(driver).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) d;
            return js.executeScript("return window['" + marker + "'] === undefined && document.readyState === 'complete'")
                    .equals(Boolean.TRUE);
        });
    }

    static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }


}
