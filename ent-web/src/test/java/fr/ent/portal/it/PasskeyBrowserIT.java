package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Issue 24, passkeys with Chrome's virtual authenticator: a family (s.bernard1) registers a passkey on /account and
 * signs in with it from /login without typing anything; an assertion sent twice is refused the second time (its
 * challenge was spent); her credential presented with another account's user handle is refused; an authenticator
 * whose counter went backwards (a clone) is refused and audited; when her profile needs a second factor, her password
 * sends her to her passkey instead of enrolling an app. The passkey
 * is removed at the end. The browser goes to http://localhost (a passkey's RP id is a domain, never an IP address).
 * Runs before TakeoverMatrixIT (DEFAULT + 34), whose class print gives s.bernard1 a new provisional code and voids her
 * password (seen in a full run: "wrong-secret" at this class's sign-in).
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 30)
class PasskeyBrowserIT {

    static final String BERNARD = "s.bernard1";

    @Test
    void aFamilyRegistersAPasskeyAndSignsInWithItAlone() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            WebDriver driver = browser.driver();
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(
                    new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                            .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
            go(driver, "/login");
            driver.findElement(By.id("identifier")).sendKeys(BERNARD);
            driver.findElement(By.id("password")).sendKeys(HelpIT.BERNARD_PASSWORD);
            SignInPages.submitAndWait(driver, By.id("submit"));
            go(driver, "/account");
            driver.findElement(By.id("passkey-name")).sendKeys("Téléphone de Sophie");
            driver.findElement(By.id("passkey-add")).click();
            SignInPages.wait(driver).until(ExpectedConditions.urlContains("passkeyAdded=true"));
            assertEquals("Téléphone de Sophie", driver.findElement(By.cssSelector("#passkey-list li.passkey"))
                    .getAttribute("data-name"));
            assertEquals(1, authenticator.getCredentials().size());
            browser.screenshot("passkey-registered");

            SignInPages.signOut(browser);
            go(driver, "/login");
            clickPasskeySignIn(driver);
            SignInPages.wait(driver).until(d -> !d.getCurrentUrl().contains("/login"));
            go(driver, "/account");
            assertTrue(driver.getPageSource().contains(BERNARD), "signed in as her, no password typed");
            assertFalse(driver.findElement(By.cssSelector("#passkey-list li.passkey")).getText().contains("jamais"),
                    "last used is shown");

            // the same assertion twice: the challenge it signed was spent by the first
            List<Long> statuses = replayedAssertion(driver);
            assertEquals(List.of(200L, 401L), statuses);

            // her credential presented as another account's (another user handle, a counter far ahead): refused
            Credential used = authenticator.getCredentials().get(0);
            byte[] anotherHandle = new byte[16];
            new java.security.SecureRandom().nextBytes(anotherHandle);
            authenticator.removeAllCredentials();
            authenticator.addCredential(Credential.createResidentCredential(used.getId(), "localhost",
                    used.getPrivateKey(), anotherHandle, used.getSignCount() + 1000));
            SignInPages.signOut(browser);
            go(driver, "/login");
            clickPasskeySignIn(driver);
            SignInPages.wait(driver).until(d -> !d.findElement(By.id("passkey-status")).getText().isEmpty());
            assertTrue(driver.getCurrentUrl().contains("/login"), "another user handle refused: " + driver.getCurrentUrl());
            go(driver, "/account");
            assertTrue(driver.findElements(By.id("logout")).isEmpty(), "not signed in with another account's user handle");

            // a clone: the authenticator's counter put back below the one the portal saw
            authenticator.removeAllCredentials();
            authenticator.addCredential(Credential.createResidentCredential(used.getId(), "localhost",
                    used.getPrivateKey(), used.getUserHandle(), 0));
            go(driver, "/login");
            clickPasskeySignIn(driver);
            SignInPages.wait(driver).until(d -> !d.findElement(By.id("passkey-status")).getText().isEmpty());
            assertTrue(driver.getCurrentUrl().contains("/login"), "refused: " + driver.getCurrentUrl());

            // item 3: her profile now needs a second factor, and hers is a passkey (no app): the password sign-in
            // sends her to her passkey, never to enrolling an authenticator app
            assertEquals(200, new Http().post("/dev/mfa-policy", java.util.Map.of("profiles", "LEGAL_REPRESENTATIVE"))
                    .statusCode());
            try {
                go(driver, "/login");
                driver.findElement(By.id("identifier")).sendKeys(BERNARD);
                driver.findElement(By.id("password")).sendKeys(HelpIT.BERNARD_PASSWORD);
                SignInPages.submitAndWait(driver, By.id("submit"));
                assertFalse(driver.getCurrentUrl().contains("/second-factor"), "not asked to enrol an app");
                assertTrue(driver.getPageSource().contains("second facteur, et le v"), "told to use her passkey");
                assertTrue(driver.findElements(By.id("logout")).isEmpty(), "no session from the password alone");
            } finally {
                new Http().post("/dev/mfa-policy", java.util.Map.of("reset", "true"));
            }

            // clean up: her password again, the passkey removed (first out of the authenticator: its counter, grown by
            // each attempt above, may have overtaken the portal's, and the page's passkey autofill would sign her in)
            authenticator.removeAllCredentials();
            go(driver, "/login");
            driver.findElement(By.id("identifier")).sendKeys(BERNARD);
            driver.findElement(By.id("password")).sendKeys(HelpIT.BERNARD_PASSWORD);
            SignInPages.submitAndWait(driver, By.id("submit"));
            go(driver, "/account");
            SignInPages.submitAndWait(driver, By.cssSelector("#passkey-list button[id$='removePasskey']"));
            // the notice is inside the h:form "passkeys": its id carries the form's prefix
            assertFalse(driver.findElements(By.id("passkeys:no-passkeys")).isEmpty(), () -> "removed: "
                    + driver.getCurrentUrl() + " " + driver.findElement(By.id("passkeys")).getAttribute("outerHTML"));
            assertTrue(driver.findElements(By.cssSelector("#passkey-list li.passkey")).isEmpty(), "no passkey listed");
        }
    }

    /** Gets one assertion in the page and posts it twice to /passkey/sign-in; the two HTTP statuses. */
    @SuppressWarnings("unchecked")
    private static List<Long> replayedAssertion(WebDriver driver) {
        Object result = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const post = (u, b) => fetch(u, {method: 'POST', credentials: 'same-origin',"
                + "  headers: {'Content-Type': 'application/json'}, body: b});"
                + "(async () => {"
                + "  const options = await (await post('/passkey/options', '{}')).json();"
                + "  const credential = await navigator.credentials.get({publicKey:"
                + "    PublicKeyCredential.parseRequestOptionsFromJSON(options)});"
                + "  const json = JSON.stringify(credential.toJSON());"
                + "  const first = await post('/passkey/sign-in', json);"
                + "  const second = await post('/passkey/sign-in', json);"
                + "  done([first.status, second.status]);"
                + "})().catch(e => done([String(e)]));");
        return (List<Long>) result;
    }

    /**
     * Clicks "sign in with a passkey" once the page's script has set it up. The script may already have asked the
     * authenticator through the browser's passkey autofill (the virtual one consents at once) and left the page:
     * then there is nothing to click.
     */
    private static void clickPasskeySignIn(WebDriver driver) {
        SignInPages.wait(driver).until(d -> {
            if (!d.getCurrentUrl().contains("/login")) {
                return true;
            }
            try {
                org.openqa.selenium.WebElement button = d.findElement(By.id("passkey-sign-in"));
                if (!button.isDisplayed()) {
                    return false;
                }
                button.click();
                return true;
            } catch (org.openqa.selenium.WebDriverException moved) {
                // the autofill's sign-in left the page between finding the button and clicking it: stale element,
                // no such element, or Chrome's "Node with given id does not belong to the document" (seen in CI);
                // the next poll sees the new address
                return false;
            }
        });
    }

    private static void go(WebDriver driver, String path) {
        driver.get("http://localhost:" + Portal.base().getPort() + path);
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
