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

    /**
     * /home, where every family lands, keeps no component state in the session (issue 7's heap per session): its
     * only form, the idle dialog's, carries the "stateless" view state, and its "stay" request still answers.
     */
    @Test
    void homeIsStatelessAndItsIdleStayStillAnswers() {
        Http browser = new Http();
        HttpResponse<String> page = browser.get("/login");
        HttpResponse<String> signedIn = browser.post("/login", Http.loginForm(page.body(), "a.moreau1", "Registre#Lycee2026"),
                "X-Forwarded-For", "198.51.100.142");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        HttpResponse<String> home = browser.get("/home");
        assertEquals(200, home.statusCode());
        java.util.regex.Matcher state = java.util.regex.Pattern
                .compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(home.body());
        assertTrue(state.find(), "the idle form is on /home");
        assertEquals("stateless", state.group(1), "/home saved its view in the session");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)").matcher(home.body());
        assertTrue(nonce.find(), "the nonce handed to the forms");

        java.util.Map<String, String> stay = new java.util.LinkedHashMap<>();
        stay.put("jakarta.faces.partial.ajax", "true");
        stay.put("jakarta.faces.source", "idle:stay");
        stay.put("jakarta.faces.partial.execute", "idle:stay");
        stay.put("idle:stay", "idle:stay");
        stay.put("idle", "idle");
        stay.put("jakarta.faces.ViewState", state.group(1));
        stay.put("primefaces.nonce", nonce.group(1));
        HttpResponse<String> answer = browser.post("/home", stay, "Faces-Request", "partial/ajax");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("<partial-response"), answer.body());
        assertTrue(!answer.body().contains("<error>") && !answer.body().contains("<redirect"), answer.body());
        assertEquals(200, browser.get("/home").statusCode(), "still signed in after staying");
    }
}
