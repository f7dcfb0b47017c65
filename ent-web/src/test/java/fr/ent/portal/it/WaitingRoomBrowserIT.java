package fr.ent.portal.it;

import static fr.ent.portal.it.JourneyPages.path;
import static fr.ent.portal.it.SignInPages.loginError;
import static fr.ent.portal.it.SignInPages.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The waiting room in two real browsers, under a capacity forced tiny by the dev controls ({@code /dev/admission}):
 * one hash slot, held busy, and no queue. a.marchand1 signs in and is sent to the waiting room (place 1); b.marchand1
 * arrives at /login and is placed behind (place 2). The slot comes back: a.marchand1's page, refreshing itself, takes
 * her to the form first and she signs in; only then does b.marchand1's turn come. The gate is put back after the test.
 * {@code SurgeIT} checks the same over plain HTTP (tickets, 503 for scripts, forged and replayed tickets).
 */
@ExtendWith(Portal.class)
@Order(Order.DEFAULT + 18) // see junit-platform.properties
class WaitingRoomBrowserIT {

    static final String FIRST = "a.marchand1";
    static final String SECOND = "b.marchand1";
    static final String PASSWORD = "File#Attente2026";

    @AfterEach
    void putBack() {
        new Http().post("/dev/admission", Map.of("reset", "true"));
    }

    private static void dev(Map<String, String> fields) {
        HttpResponse<String> answer = new Http().post("/dev/admission", fields);
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private static long place(Browser browser) {
        return Long.parseLong(browser.driver().findElement(By.id("position")).getAttribute("data-position"));
    }

    @Test
    void twoBrowsersWaitAndAreAdmittedInOrder() throws Exception {
        try (Browser first = Browser.open("fr"); Browser second = Browser.open("fr")) {
            first.go("/login"); // both forms open before the rush
            dev(Map.of("reset", "true"));
            dev(Map.of("slots", "1", "queue", "0", "maxWait", "PT60S", "hold", "1"));

            signIn(first, FIRST, PASSWORD);
            assertEquals("/waiting-room", path(first), "no capacity: the waiting room, not an error");
            assertEquals(1, place(first));
            assertTrue(first.driver().getPageSource().contains("Votre place dans la file : 1"));
            assertEquals(1, first.driver().findElements(By.cssSelector("script[data-refresh]")).size(),
                    "the page keeps itself up to date (js/waiting-room.js; a <noscript> refresh without JavaScript)");

            second.go("/login");
            assertEquals("/waiting-room", path(second), "a newcomer joins the back of the line");
            assertEquals(2, place(second));
            first.driver().navigate().refresh();
            assertEquals("/waiting-room", path(first));
            assertEquals(1, place(first), "a reload keeps the place");

            dev(Map.of("release", "true")); // the slot comes back: one place at a time
            second.driver().navigate().refresh();
            assertEquals("/waiting-room", path(second), "the second waits while the first is admitted");
            assertEquals(1, place(second));

            // the first browser's own refresh (every 5 s) takes her to the sign-in form
            new WebDriverWait(first.driver(), Duration.ofSeconds(12))
                    .until(d -> d.getCurrentUrl().endsWith("/login"));
            assertTrue(first.driver().findElements(By.id("identifier")).size() == 1, "the form, at her turn");
            SignInPages.signIn(first, FIRST, PASSWORD);
            assertEquals("/home", path(first), "admitted: signed in " + loginError(first));

            second.driver().navigate().refresh();
            assertEquals("/login", path(second), "then the second one's turn");
            signIn(second, SECOND, PASSWORD);
            assertEquals("/home", path(second), "signed in " + loginError(second));
            JourneyPages.assertCalmPage(second);
        }
    }
}
