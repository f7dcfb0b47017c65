package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box HTTP checks of the packaged portal: pages, health and metrics endpoints. */
@ExtendWith(Portal.class)
class PortalHttpIT {

    private final Http http = new Http();

    @Test
    void loginPageRendersTheSignInFormInFrenchByDefault() {
        HttpResponse<String> login = http.get("/login");
        assertEquals(200, login.statusCode());
        String page = login.body();
        assertTrue(page.matches("(?s).*<html[^>]*\\slang=\"fr\".*"), "French is the default language");
        assertTrue(page.contains("Se connecter"), page);
        assertTrue(page.contains("id=\"identifier\""), "identifier field");
        assertTrue(page.contains("type=\"password\""), "password field");
        assertTrue(page.contains("href=\"/help\""), "link to help");
    }

    @Test
    void loginPageSpeaksEnglishToAnEnglishBrowser() {
        HttpResponse<String> login = http.get("/login", "Accept-Language", "en-GB,en;q=0.8");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().matches("(?s).*<html[^>]*\\slang=\"en\".*"), "the page's language");
        assertTrue(login.body().contains("Sign in"));
    }

    @Test
    void rootAndXhtmlAddressesLeadToExtensionlessLogin() {
        HttpResponse<String> root = http.get("/");
        assertTrue(root.statusCode() == 301 || root.statusCode() == 302, "redirect, got " + root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/login"));
        HttpResponse<String> xhtml = http.get("/login.xhtml");
        assertTrue(xhtml.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

    @Test
    void unknownPageIsAFriendly404() {
        HttpResponse<String> missing = http.get("/help/no-such-page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Cette page n'existe pas") || missing.body().contains("Cette page n&#39;existe pas"),
                missing.body());
    }

    @Test
    void readinessIsUpWithTheDatabaseCheck() {
        HttpResponse<String> ready = http.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"database\""));
        assertTrue(ready.body().contains("\"UP\""));
    }

    @Test
    void livenessAndMetricsAnswer() {
        assertEquals(200, http.get("/health/live").statusCode());
        HttpResponse<String> metrics = http.get("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("# TYPE"));
    }

    /**
     * Issue 20, item 8: /metrics and /openapi answer only to ent.http.management-allowlist (loopback by default). The
     * test portal trusts loopback as a proxy, so a forwarded request plays a distant visitor coming through it.
     */
    @Test
    void metricsAnswerOnlyTheManagementAllowlist() {
        assertEquals(200, http.get("/metrics?scope=application").statusCode(), "loopback, directly");
        for (String path : java.util.List.of("/metrics", "/metrics?scope=application", "/metrics/base", "/metrics;x=1",
                "/openapi")) {
            HttpResponse<String> outside = http.get(path, "X-Forwarded-For", "203.0.113.77");
            assertEquals(404, outside.statusCode(), path + " from a distant visitor");
            assertFalse(outside.body().contains("# TYPE"), path);
        }
        assertEquals(200, http.get("/metrics", "X-Forwarded-For", "127.0.0.1").statusCode(),
                "a loopback client forwarded by the trusted proxy");
    }

    @Test
    void protectedPagesSendAnonymousVisitorsToLogin() {
        HttpResponse<String> home = http.get("/home");
        assertEquals(302, home.statusCode());
        assertTrue(home.headers().firstValue("Location").orElse("").endsWith("/login"));
    }

    @Test
    void theSignInPageSendsSecurityHeaders() {
        HttpResponse<String> login = new Http().get("/login");
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(login.headers().allValues("Content-Security-Policy").stream().anyMatch(v -> v.contains("frame-ancestors 'none'")));
        assertTrue(login.headers().allValues("Content-Security-Policy").stream().anyMatch(v -> v.contains("nonce-")),
                "PrimeFaces script nonces");
    }

    @Test
    void aForgedOrStaleVerificationLinkIsRefusedCalmly() {
        HttpResponse<String> forged = http.follow("/verify-email?token=" + "A".repeat(43));
        assertEquals(200, forged.statusCode());
        assertTrue(forged.body().contains("data-result=\"INVALID\""));
        HttpResponse<String> junk = http.follow("/verify-email?token=%3Cscript%3Ealert(1)%3C/script%3E");
        assertEquals(200, junk.statusCode());
        assertTrue(!junk.body().contains("<script>alert(1)"), "nothing reflected");
    }

    /**
     * Issue 20, item 8: a mailed link's token leaves the URL at the first GET: 303 to the same page without it, the
     * token in a short-lived HttpOnly SameSite=Lax cookie of that page only; the page reads the cookie. (A valid link
     * still works through the cookie: OwnAccount's verification and SessionSecurityIT's reset follow real links.)
     */
    @Test
    void aMailedLinksTokenLeavesTheUrlAtOnce() {
        String token = "B".repeat(43);
        for (String page : java.util.List.of("/reset", "/verify-email")) {
            Http visitor = new Http();
            HttpResponse<String> first = visitor.get(page + "?token=" + token);
            assertEquals(303, first.statusCode(), page);
            String location = first.headers().firstValue("Location").orElse("");
            assertTrue(location.endsWith(page), page + " → " + location);
            assertFalse(location.contains(token) || location.contains("token"), "no token in the address: " + location);
            assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""), page);
            String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.contains(token)).findFirst()
                    .orElseThrow(() -> new AssertionError(page + ": the token in a cookie " + first.headers().map()));
            String lower = cookie.toLowerCase(java.util.Locale.ROOT);
            assertTrue(lower.contains("httponly") && lower.contains("samesite=lax") && lower.contains("path=" + page)
                    && lower.contains("max-age="), page + ": " + cookie);
            java.util.regex.Matcher maxAge = java.util.regex.Pattern.compile("(?i)max-age=(\\d+)").matcher(cookie);
            assertTrue(maxAge.find() && Integer.parseInt(maxAge.group(1)) <= 30 * 60, "short-lived: " + cookie);
            HttpResponse<String> shown = visitor.get(page);
            assertEquals(200, shown.statusCode(), page);
            assertFalse(shown.body().contains(token), page + ": the token is not written in the page");
        }
        HttpResponse<String> malformed = new Http().get("/reset?token=%3Cscript%3E");
        assertEquals(303, malformed.statusCode());
        assertFalse(String.join(" ", malformed.headers().allValues("Set-Cookie")).contains("script"), "nothing kept");
    }
}
