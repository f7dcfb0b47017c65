package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Anonymous pages open no HTTP session (issue 7): no JSESSIONID, and the CSP nonce is still there. */
@ExtendWith(Portal.class)
class StatelessPagesIT {

    private static boolean setsSession(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void anonymousPagesSetNoSessionCookie() {
        for (String page : List.of("/login", "/help", "/help/password", "/help/identifier", "/status",
                "/reset?token=not-a-token", "/verify-email?token=not-a-token", "/waiting-room")) {
            HttpResponse<String> answer = new Http().get(page, "Accept", "text/html", "X-Forwarded-For", "198.51.100.140");
            assertTrue(answer.statusCode() == 200 || answer.statusCode() == 303, page + " " + answer.statusCode());
            assertEquals(false, setsSession(answer), page + " opened a session: " + answer.headers().allValues("Set-Cookie"));
        }
    }

    @Test
    void theLoginPageKeepsItsScriptNonce() {
        HttpResponse<String> login = new Http().get("/login");
        String csp = String.join(" ", login.headers().allValues("Content-Security-Policy"));
        assertTrue(csp.contains("'nonce-"), csp);
        assertTrue(login.body().contains("PrimeFaces.csp.init("), "the nonce handed to the forms");
    }

    @Test
    void theStatelessLoginFormStillSignsIn() {
        Http browser = new Http();
        HttpResponse<String> page = browser.get("/login");
        assertEquals(false, setsSession(page));
        HttpResponse<String> signedIn = browser.post("/login", Http.loginForm(page.body(), "a.moreau1", "Registre#Lycee2026"),
                "X-Forwarded-For", "198.51.100.141");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(setsSession(signedIn), "the session starts at sign-in");
    }
}
