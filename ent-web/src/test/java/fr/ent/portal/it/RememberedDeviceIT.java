package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Rester connecté sur cet appareil": the remembered device signs its owner in after the browser was closed (a new
 * cookie jar holding only {@code ent_remember}), without a password; forgetting it on /account ends that; a forged
 * token is refused and its cookie cleared.
 */
@ExtendWith(Portal.class)
class RememberedDeviceIT {

    private static final String IDENTIFIER = "p.petit1";
    private static final String PASSWORD = "Tableau#Noir2026";

    private static String setCookie(HttpResponse<String> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst()
                .orElse(null);
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    /** Signs in with the box ticked; the browser that did it. */
    private static Http signInRemembered(String ip) {
        Http browser = new Http();
        Map<String, String> form = Http.loginForm(browser.get("/login").body(), IDENTIFIER, PASSWORD);
        form.put("remember", "on");
        HttpResponse<String> signedIn = browser.post("/login", form, "X-Forwarded-For", ip);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String cookie = setCookie(signedIn, "ent_remember");
        assertNotNull(cookie, "a remembered-device cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
        assertTrue(cookie.matches("ent_remember=[A-Za-z0-9_-]{43};.*"), "a 256-bit token: " + cookie);
        return browser;
    }

    @Test
    void theRememberedDeviceSignsInAfterTheBrowserWasClosedUntilItIsForgotten() {
        Http first = signInRemembered("198.51.100.120");
        String token = first.cookie("ent_remember");

        // the browser was closed: only the remembered-device cookie is left
        Http reopened = new Http().withCookie("ent_remember", token);
        HttpResponse<String> login = reopened.get("/login", "X-Forwarded-For", "198.51.100.121");
        assertEquals(303, login.statusCode(), login.body());
        assertTrue(location(login).endsWith("/home") || location(login).endsWith("/establishments"), location(login));
        assertNotNull(setCookie(login, "JSESSIONID"), "a new session");
        HttpResponse<String> home = reopened.get("/home");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains(IDENTIFIER), "signed in as the owner");

        // a protected page directly works too
        HttpResponse<String> account = new Http().withCookie("ent_remember", token).get("/account");
        assertEquals(200, account.statusCode(), account.body());

        // /account lists it; "forget all" ends it
        HttpResponse<String> page = reopened.get("/account");
        assertTrue(page.body().contains("remembered-device"), page.body());
        HttpResponse<String> forgotten = reopened.post("/account", formOf(page.body(), "remembered", "remembered:forgetAllDevices"));
        assertEquals(302, forgotten.statusCode(), forgotten.body());
        HttpResponse<String> after = reopened.get("/account");
        assertTrue(after.body().contains("no-remembered-devices"), "none left");

        HttpResponse<String> refused = new Http().withCookie("ent_remember", token).get("/login");
        assertEquals(200, refused.statusCode(), "the sign-in form again");
        assertTrue(refused.body().contains("id=\"identifier\""));
        assertTrue(setCookie(refused, "ent_remember").contains("Max-Age=0"), "the cookie is cleared");
    }

    @Test
    void forgettingOneDeviceLeavesTheOthers() {
        Http one = signInRemembered("198.51.100.122");
        Http two = signInRemembered("198.51.100.123");
        HttpResponse<String> page = one.get("/account");
        Matcher button = Pattern.compile("name=\"(remembered:[^\"]*:0:forgetDevice)\"").matcher(page.body());
        assertTrue(button.find(), page.body());
        // the first row is the most recently used device: the second browser's
        HttpResponse<String> forgotten = one.post("/account", formOf(page.body(), "remembered", button.group(1)));
        assertEquals(302, forgotten.statusCode(), forgotten.body());
        HttpResponse<String> twoAgain = new Http().withCookie("ent_remember", two.cookie("ent_remember")).get("/login");
        assertEquals(200, twoAgain.statusCode(), "the forgotten device no longer signs in");
        HttpResponse<String> oneAgain = new Http().withCookie("ent_remember", one.cookie("ent_remember")).get("/login");
        assertEquals(303, oneAgain.statusCode(), "the other one still does");
    }

    @Test
    void tabsRestoredTogetherAllSignIn() throws Exception {
        String token = signInRemembered("198.51.100.125").cookie("ent_remember");
        // a browser restarted with 8 tabs: 8 requests at once, each a new session with the same remembered device
        ExecutorService tabs = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(tabs.submit(() -> new Http().withCookie("ent_remember", token).get("/account")));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> page = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, page.statusCode(), page.body());
                assertTrue(page.body().contains(IDENTIFIER), "signed in as the owner");
            }
        } finally {
            tabs.shutdownNow();
        }
    }

    @Test
    void aForgedOrUnknownTokenIsRefusedAndCleared() {
        for (String forged : new String[] {"forged", "A".repeat(43), "x".repeat(500)}) {
            Http browser = new Http().withCookie("ent_remember", forged);
            HttpResponse<String> home = browser.get("/home", "X-Forwarded-For", "198.51.100.124");
            assertEquals(302, home.statusCode(), forged);
            assertTrue(location(home).endsWith("/login"), location(home));
            assertTrue(setCookie(home, "ent_remember").contains("Max-Age=0"), "cleared");
            HttpResponse<String> login = new Http().withCookie("ent_remember", forged).get("/login");
            assertEquals(200, login.statusCode());
            assertFalse(login.body().contains("id=\"logout\""), "not signed in");
        }
    }

    /**
     * Issue 20, item 7: each remembered sign-in sets a new token; the old one, back after the few seconds' grace for
     * tabs restored together, is a copied cookie: refused, and the device is revoked (the new token stops too).
     */
    @Test
    void theTokenRotatesAtEachUseAndAReusedOldTokenRevokesTheDevice() throws Exception {
        String first = signInRemembered("198.51.100.126").cookie("ent_remember");

        HttpResponse<String> used = new Http().withCookie("ent_remember", first).get("/login", "X-Forwarded-For", "198.51.100.127");
        assertEquals(303, used.statusCode(), used.body());
        String rotated = setCookie(used, "ent_remember");
        assertNotNull(rotated, "a new cookie after a remembered sign-in");
        assertTrue(rotated.contains("HttpOnly") && rotated.contains("SameSite=Lax") && rotated.contains("Path=/"), rotated);
        String second = rotated.substring("ent_remember=".length(), rotated.indexOf(';'));
        assertTrue(second.matches("[A-Za-z0-9_-]{43}") && !second.equals(first), "a new 256-bit token: " + rotated);

        // the new token signs in (and rotates again)
        HttpResponse<String> again = new Http().withCookie("ent_remember", second).get("/account", "X-Forwarded-For", "198.51.100.128");
        assertEquals(200, again.statusCode(), again.body());
        String third = setCookie(again, "ent_remember");
        assertNotNull(third, "rotated again");
        third = third.substring("ent_remember=".length(), third.indexOf(';'));

        // past the grace, the token just replaced comes back: a copy used elsewhere
        Thread.sleep(11_000); // RememberedDevices.ROTATION_GRACE (10 s), and a second more
        HttpResponse<String> reused = new Http().withCookie("ent_remember", second).get("/login", "X-Forwarded-For", "198.51.100.129");
        assertEquals(200, reused.statusCode(), "the reused old token does not sign in");
        assertTrue(reused.body().contains("id=\"identifier\""), "the sign-in form");
        assertTrue(setCookie(reused, "ent_remember").contains("Max-Age=0"), "its cookie is cleared");
        HttpResponse<String> revoked = new Http().withCookie("ent_remember", third).get("/login", "X-Forwarded-For", "198.51.100.131");
        assertEquals(200, revoked.statusCode(), "the device is revoked: its newest token no longer signs in either");
        assertTrue(setCookie(revoked, "ent_remember").contains("Max-Age=0"));
    }

    /** One form of a page: its own hidden field, the view state, the script nonce, and the button pressed. */
    private static Map<String, String> formOf(String page, String formId, String button) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertTrue(state.find(), "view state");
        fields.put("jakarta.faces.ViewState", state.group(1));
        Matcher nonce = Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)").matcher(page);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        fields.put(button, "");
        return fields;
    }
}
