package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Headers and sessions (issue 10, item 5), black-box over plain HTTP: every kind of answer (anonymous Faces pages,
 * signed-in family and admin pages, error pages, the portal's own servlets, redirects, a refused post) carries a
 * Content-Security-Policy under which no inline script runs without the page's nonce, frame-ancestors 'none' with
 * X-Frame-Options, nosniff and a Referrer-Policy; the portal's cookies are HttpOnly and SameSite=Lax, and Secure behind
 * an HTTPS proxy; the session id changes at sign-in and the old one is no longer signed in; "sign out everywhere" and
 * a password reset end the other sessions and the remembered devices. Uses a.rousseau1 only (a Toulouse pupil no other
 * class uses), activated here through the region's letters.
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 32)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionSecurityIT {

    static final String PUPIL = "a.rousseau1";
    static final String EMAIL = "a.rousseau@example.org";
    static final String PASSWORD = "Quai des Brumes 77!";
    static final String RESET_PASSWORD = "Phare de Cordouan 88!";

    static Http pupil;
    static Http region;

    @BeforeAll
    static void activateThePupil() throws Exception {
        pupil = OwnAccount.activate(PUPIL, PASSWORD, EMAIL, "198.51.100.180");
        region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "198.51.100.181");
    }

    /** Who asks for what: one row per kind of answer. */
    record Ask(String kind, Http who, String path) {
    }

    @Test
    @Order(1)
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        List<Ask> asks = List.of(
                new Ask("anonymous page", new Http(), "/login"),
                new Ask("anonymous page", new Http(), "/help"),
                new Ask("anonymous page", new Http(), "/help/password"),
                new Ask("anonymous page", new Http(), "/help/identifier"),
                new Ask("anonymous page", new Http(), "/status"),
                new Ask("anonymous page", new Http(), "/reset?token=not-a-token"),
                new Ask("anonymous page", new Http(), "/verify-email?token=not-a-token"),
                new Ask("error page (404)", pupil, "/no-such-page"),
                new Ask("redirect to sign in (unknown address)", new Http(), "/no-such-page"),
                new Ask("redirect to sign in", new Http(), "/home"),
                new Ask("servlet: waiting room", new Http(), "/waiting-room"),
                new Ask("servlet: stale form", new Http(), "/error/stale-form"),
                new Ask("servlet: CAS refusal", new Http(), "/cas/login?service=https%3A%2F%2Fevil.example%2F"),
                new Ask("server endpoint: health", new Http(), "/health/ready"),
                new Ask("server endpoint: metrics", new Http(), "/metrics?scope=application"),
                new Ask("servlet: CAS validation", new Http(), "/cas/serviceValidate?ticket=ST-x&service=https%3A%2F%2Fevil.example%2F"),
                new Ask("family page", pupil, "/home"),
                new Ask("family page", pupil, "/account"),
                new Ask("refused admin page (403 as 404)", pupil, "/admin/accounts"),
                new Ask("admin page", region, "/admin/accounts"),
                new Ask("admin page", region, "/admin/region/incidents"));
        List<Executable> checks = new ArrayList<>();
        for (Ask ask : asks) {
            HttpResponse<String> answer = ask.who().get(ask.path(), "Accept", "text/html", "X-Forwarded-For", "198.51.100.182");
            checks.add(() -> assertSecurityHeaders(ask.kind() + " " + ask.path(), answer));
        }
        Http refused = new Http();
        Map<String, String> form = Http.loginForm(refused.get("/login").body(), PUPIL, PASSWORD);
        form.remove("ent_form_token");
        HttpResponse<String> stale = refused.post("/login", form, "X-Forwarded-For", "198.51.100.183");
        checks.add(() -> assertEquals(400, stale.statusCode(), "a post without its token: the stale-form page"));
        checks.add(() -> assertSecurityHeaders("refused post /login", stale));
        assertAll(checks);
    }

    /** X-Frame-Options, nosniff, Referrer-Policy, frame-ancestors, and no inline script without the page's nonce. */
    static void assertSecurityHeaders(String what, HttpResponse<String> answer) {
        assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), what + ": X-Frame-Options");
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), what + ": nosniff");
        assertTrue(List.of("same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin")
                .contains(answer.headers().firstValue("Referrer-Policy").orElse("")), what + ": Referrer-Policy");
        List<String> policies = answer.headers().allValues("Content-Security-Policy");
        assertFalse(policies.isEmpty(), what + ": a Content-Security-Policy");
        assertTrue(policies.stream().anyMatch(p -> directive(p, "frame-ancestors").equals(List.of("'none'"))),
                what + ": frame-ancestors 'none' in " + policies);
        assertTrue(policies.stream().anyMatch(SessionSecurityIT::forbidsInlineScripts),
                what + ": an inline script without a nonce would run under " + policies);
        List<String> nonces = new ArrayList<>();
        policies.stream().map(SessionSecurityIT::scriptSources).filter(java.util.Objects::nonNull)
                .forEach(sources -> sources.stream().filter(s -> s.startsWith("'nonce-"))
                        .forEach(s -> nonces.add(s.substring(7, s.length() - 1))));
        Matcher inline = Pattern.compile("<script(?![^>]*\\ssrc=)([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(answer.body());
        while (inline.find()) {
            Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(inline.group(1));
            assertTrue(nonce.find() && nonces.contains(nonce.group(1)),
                    what + ": an inline script without the header's nonce: " + inline.group() + " under " + policies);
        }
        if (answer.body().contains("PrimeFaces.csp.init(")) {
            assertFalse(nonces.isEmpty(), what + ": a Faces page's policy names its nonce: " + policies);
        }
    }

    /** A policy forbids inline scripts when its script-src (else default-src) lacks 'unsafe-inline' or names a nonce. */
    static boolean forbidsInlineScripts(String policy) {
        List<String> sources = scriptSources(policy);
        return sources != null && (!sources.contains("'unsafe-inline'")
                || sources.stream().anyMatch(s -> s.startsWith("'nonce-") || s.startsWith("'sha")));
    }

    private static List<String> scriptSources(String policy) {
        List<String> script = directive(policy, "script-src");
        return script != null ? script : directive(policy, "default-src");
    }

    /** The sources of one directive of a policy, null when absent. */
    static List<String> directive(String policy, String name) {
        for (String part : policy.split(";")) {
            String[] words = part.strip().split("\\s+");
            if (words.length > 0 && words[0].toLowerCase(Locale.ROOT).equals(name)) {
                return List.of(words).subList(1, words.length);
            }
        }
        return null;
    }

    @Test
    @Order(2)
    void cookiesAreHttpOnlyLaxAndSecureBehindHttps() {
        Http overHttps = new Http();
        Map<String, String> form = Http.loginForm(overHttps.get("/login").body(), PUPIL, PASSWORD);
        form.put("remember", "on");
        HttpResponse<String> signedIn = overHttps.post("/login", form, "X-Forwarded-For", "198.51.100.184",
                "X-Forwarded-Proto", "https");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        Map<String, String> cookies = setCookies(signedIn);
        assertTrue(cookies.get("JSESSIONID").contains("HttpOnly"), "session cookie: " + cookies);
        // issue 20, item 8: glassfish-web.xml's cookieSameSite (Payara writes the value in lower case)
        assertTrue(cookies.get("JSESSIONID").toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"),
                "session cookie SameSite=Lax: " + cookies.get("JSESSIONID"));
        for (String name : List.of("ent_device", "ent_remember")) {
            String cookie = cookies.get(name);
            assertNotNull(cookie, name + " in " + cookies);
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Secure"),
                    name + " behind HTTPS: " + cookie);
        }
        assertTrue(signedIn.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age="),
                "HSTS behind HTTPS");

        HttpResponse<String> plain = OwnAccount.signIn(new Http(), PUPIL, PASSWORD, "198.51.100.185");
        String device = setCookies(plain).get("ent_device");
        assertTrue(device.contains("HttpOnly") && device.contains("SameSite=Lax") && !device.contains("Secure"),
                "over plain HTTP: not Secure (the browser would drop it): " + device);
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");

        HttpResponse<String> language = new Http().post("/language?next=/login", Map.of("lang", "en"));
        String lang = setCookies(language).get("ent_lang");
        assertTrue(lang != null && lang.contains("HttpOnly") && lang.contains("SameSite=Lax"), "language cookie: " + lang);
        assertSecurityHeaders("servlet: language (POST)", language);
    }

    @Test
    @Order(3)
    void theSessionIdChangesAtSignInAndTheOldOneIsNoLongerSignedIn() {
        String planted = "planted-by-an-attacker";
        HttpResponse<String> signedIn = OwnAccount.signIn(new Http().withCookie("JSESSIONID", planted), PUPIL, PASSWORD,
                "198.51.100.186");
        assertEquals(302, signedIn.statusCode());
        String issued = sessionId(signedIn);
        assertTrue(issued != null && !issued.equals(planted), "a planted session id is never adopted: " + issued);
        assertSignedOut(new Http().withCookie("JSESSIONID", planted), "the planted id");

        // signing in again in the same browser: a new id, and the previous one is not signed in any more
        Http browser = new Http();
        assertEquals(302, OwnAccount.signIn(browser, PUPIL, PASSWORD, "198.51.100.186").statusCode());
        String first = browser.cookie("JSESSIONID");
        String firstVersion = browser.cookie("JSESSIONIDVERSION"); // Payara's distributable sessions need it too
        assertEquals(200, browser.get("/home").statusCode(), "signed in");
        assertEquals(302, OwnAccount.signIn(browser, PUPIL, PASSWORD, "198.51.100.186").statusCode());
        String second = browser.cookie("JSESSIONID");
        assertTrue(first != null && second != null && !first.equals(second), "a new session id at sign-in: " + first
                + " then " + second);
        assertSignedOut(session(first, firstVersion), "the previous session id");
        assertEquals(200, session(second, browser.cookie("JSESSIONIDVERSION")).get("/home").statusCode(),
                "the new one is signed in");
    }

    /** A browser holding only this session's cookies. */
    private static Http session(String id, String version) {
        Http http = new Http().withCookie("JSESSIONID", id);
        return version == null ? http : http.withCookie("JSESSIONIDVERSION", version);
    }

    /** The session id an answer sets, or null. */
    private static String sessionId(HttpResponse<String> answer) {
        String cookie = setCookies(answer).get("JSESSIONID");
        return cookie == null ? null : cookie.substring("JSESSIONID=".length()).split(";", 2)[0];
    }

    @Test
    @Order(4)
    void signOutEverywhereEndsTheOtherSessionsAndRememberedDevices() throws Exception {
        Http here = signedIn(false, "198.51.100.187");
        Http elsewhere = signedIn(false, "198.51.100.188");
        Http remembered = signedIn(true, "198.51.100.189");
        String token = remembered.cookie("ent_remember");
        assertEquals(200, elsewhere.get("/home").statusCode());

        HttpResponse<String> account = here.get("/account");
        HttpResponse<String> done = here.post("/account",
                AdminRegionIT.form(account.body(), "everywhere", "everywhere:signOutEverywhere"));
        assertEquals(302, done.statusCode(), done.body());
        Thread.sleep(2_100); // the per-session cache of the account's sign-out instant
        assertSignedOut(elsewhere, "the other browser's session");
        assertSignedOut(remembered, "the remembered browser's session");
        HttpResponse<String> device = new Http().withCookie("ent_remember", token).get("/login");
        assertEquals(200, device.statusCode(), "the remembered device no longer signs in");
        assertTrue(device.body().contains("id=\"identifier\""), "the sign-in form");
        assertEquals(302, OwnAccount.signIn(new Http(), PUPIL, PASSWORD, "198.51.100.190").statusCode(),
                "the password still signs in");
    }

    @Test
    @Order(5)
    void aPasswordResetEndsEverySession() throws Exception {
        Http other = signedIn(false, "198.51.100.191");
        Http remembered = signedIn(true, "198.51.100.192");
        String token = remembered.cookie("ent_remember");

        int before = Mailbox.to(EMAIL, "").size();
        Http anyone = new Http();
        HttpResponse<String> asked = anyone.post("/help/password",
                withField(AdminRegionIT.form(anyone.get("/help/password").body(), "forgottenPassword",
                        "forgottenPassword:submit"), "forgottenPassword:typed", PUPIL), "X-Forwarded-For", "198.51.100.193");
        assertTrue(asked.statusCode() == 200 || asked.statusCode() == 302, asked.body());
        MimeMessage mail = Mailbox.await(EMAIL, "", before);
        String link = OwnAccount.path(Mailbox.link(mail, "/reset?token=").orElseThrow(() ->
                new AssertionError(Mailbox.body(mail))));
        Http resetter = new Http();
        // the link's token is exchanged for a cookie of /reset (issue 20, item 8): the form posts to /reset
        Map<String, String> reset = AdminRegionIT.form(resetter.follow(link).body(), "reset", "reset:submit");
        reset.put("reset:password", RESET_PASSWORD);
        reset.put("reset:confirmation", RESET_PASSWORD);
        HttpResponse<String> changed = resetter.post("/reset", reset, "X-Forwarded-For", "198.51.100.194");
        assertEquals(302, changed.statusCode(), changed.body());

        Thread.sleep(2_100);
        assertSignedOut(other, "a session open before the reset");
        assertSignedOut(remembered, "a remembered browser's session");
        assertEquals(200, new Http().withCookie("ent_remember", token).get("/login").statusCode(),
                "the remembered device is revoked");
        assertEquals(200, OwnAccount.signIn(new Http(), PUPIL, PASSWORD, "198.51.100.195").statusCode(),
                "the old password no longer signs in");
        assertEquals(302, OwnAccount.signIn(new Http(), PUPIL, RESET_PASSWORD, "198.51.100.196").statusCode(),
                "the new one does");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Http signedIn(boolean remember, String ip) {
        Http http = new Http();
        Map<String, String> form = Http.loginForm(http.get("/login").body(), PUPIL, PASSWORD);
        if (remember) {
            form.put("remember", "on");
        }
        HttpResponse<String> answer = http.post("/login", form, "X-Forwarded-For", ip);
        assertEquals(302, answer.statusCode(), answer.body());
        assertEquals(200, http.get("/home").statusCode());
        return http;
    }

    private static void assertSignedOut(Http http, String what) {
        HttpResponse<String> home = http.get("/home");
        assertEquals(302, home.statusCode(), what + " ended");
        assertTrue(OwnAccount.location(home).endsWith("/login"), what + ": " + OwnAccount.location(home));
    }

    private static Map<String, String> withField(Map<String, String> form, String name, String value) {
        form.put(name, value);
        return form;
    }

    /** Each Set-Cookie header of the answer, by cookie name. */
    static Map<String, String> setCookies(HttpResponse<String> answer) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : answer.headers().allValues("Set-Cookie")) {
            cookies.put(header.substring(0, header.indexOf('=')), header);
        }
        return cookies;
    }
}
