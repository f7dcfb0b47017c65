package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on, black-box, with a real CAS client: two services on embedded Jetty protected by the Apereo Java CAS
 * client, registered by r.admin1 in /admin for the collège (A and B) and the Toulouse lycée (A). y.perrin1 (children
 * at the collège and in Toulouse; no other class uses this account) chooses the collège, opens A from its tile and
 * receives the collège's attributes, opens B without a password, and single logout ends both. The registry refuses
 * every trick on the service URL; forged, replayed, expired, foreign-service tickets and a disabled account's ticket
 * get the CAS codes. Issue 20 (item 5): tickets of CAS characters only, format=JSON and the schema's order, path
 * parameters, a pathological regular expression, renew against remembered devices and forged or foreign ways back,
 * the establishment switch's single logout, GET /cas/logout keeping the remembered device. Leaves y.perrin1 enabled,
 * with the collège as remembered choice and remembered devices; adds services A and B to the collège's tiles, A to
 * the Toulouse lycée's, and the regex-registered "Service lent" to the collège's.
 */
@ExtendWith(Portal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT {

    static final String PERSON = "y.perrin1";
    static final String PASSWORD = "Famille#Perrin2026";
    static final String COLLEGE_UAI = "0860034V";
    static final String TOULOUSE_UAI = "0312289V";
    static final String COLLEGE = "Collège Jules Ferry";
    static final Pattern CAS_CODE = Pattern.compile("<cas:authenticationFailure code=\"([A-Z_]+)\"");

    static CasTestServices services;
    /** The family's browser of the round trip, signed in to the portal and to both services, for single logout. */
    static Http family;

    @BeforeAll
    static void startTheServicesAndRegisterThem() throws Exception {
        services = CasTestServices.start(Portal.base());
        Http region = region("198.51.100.230");
        register(region, COLLEGE_UAI, "Service test A", services.url("a"));
        register(region, TOULOUSE_UAI, "Service test A", services.url("a"));
        register(region, COLLEGE_UAI, "Service test B", services.url("b"));
    }

    @AfterAll
    static void stopTheServices() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void theRegistryRefusesEveryTrickOnTheServiceUrl() {
        Http region = region("198.51.100.231");
        long refusedBefore = auditCount(region, "CAS_SERVICE_REFUSED");
        String a = services.url("a");
        String port = a.substring("http://127.0.0.1:".length(), a.indexOf("/a/"));
        List<String> tricks = List.of(
                "https://evil.example.com/a/",
                "http://127.0.0.1:" + port + "@evil.example.com/a/",
                "http://evil.example.com@127.0.0.1:" + port + "/a/",
                a + "@evil.example.com",
                a.replace("/a/", "//evil.example.com/a/"),
                a.replace("/a/", "\\@evil.example.com/a/"),
                a.replace("/a/", "%2F%2Fevil.example.com/a/"),
                a.replace("127.0.0.1:", "127.0.0.1%2F@evil.example.com:"),
                a + "..%2F..%2Fadmin",
                a.replace("127.0.0.1:", "127.0.0.1.evil.example.com:"),
                a.replace("/a/", "/a/../b/"),
                "http://localhost:" + port + "/a/",
                a.replace("http:", "HTTP:"),
                "javascript:alert(1)//" + a,
                "//evil.example.com/a/",
                a.replace("/a/", "/c/"),
                a + "#@evil.example.com");
        Http anonymous = new Http();
        Http signedIn = signIn("198.51.100.232");
        for (String trick : tricks) {
            for (Http client : List.of(anonymous, signedIn)) {
                HttpResponse<String> answer = client.get("/cas/login?service=" + encode(trick));
                assertEquals(400, answer.statusCode(), trick);
                assertTrue(answer.headers().firstValue("Location").isEmpty(), "never a redirect: " + trick);
                assertTrue(answer.body().contains("id=\"sso-refused\""), "a clear page: " + trick);
            }
            HttpResponse<String> logout = anonymous.get("/cas/logout?service=" + encode(trick));
            assertTrue(logout.headers().firstValue("Location").orElseThrow().endsWith("/login?signedOut=true"), trick);
        }
        assertTrue(auditCount(region, "CAS_SERVICE_REFUSED") >= refusedBefore + 2L * tricks.size(),
                "each refusal is audited");
    }

    @Test
    @Order(2)
    void aTileOpensTheServiceWithTheChosenEstablishmentsAttributesAndASecondServiceNeedsNoPassword() {
        family = new Http();
        HttpResponse<String> signedIn = family.post("/login", Http.loginForm(family.get("/login").body(), PERSON,
                PASSWORD), "X-Forwarded-For", "198.51.100.233");
        assertEquals(302, signedIn.statusCode());
        assertTrue(location(signedIn).endsWith("/home"), location(signedIn));
        HttpResponse<String> landing = family.get("/home");
        assertEquals(302, landing.statusCode(), landing.body());
        assertTrue(location(landing).endsWith("/establishments"), "two establishments: choose first");
        String choice = family.get("/establishments").body();
        HttpResponse<String> chosen = family.post("/establishments",
                AdminRegionIT.form(choice, "choice", chooseButton(choice, COLLEGE)));
        assertEquals(302, chosen.statusCode(), chosen.body());
        assertTrue(location(chosen).endsWith("/home"), location(chosen));

        String home = family.get("/home").body();
        String tile = tileHref(home, "Service test A");
        assertTrue(tile.contains("/cas/login?service=" + encode(services.url("a"))), tile);
        assertTrue(tileHref(home, "Service test B").contains("/cas/login?service="), "B opens through CAS too");
        assertTrue(tileHref(home, "PIX").startsWith("https://app.pix.fr"), "a plain link stays a plain link");

        HttpResponse<String> click = family.get(URI.create(Portal.base().toString().replaceAll("/$", "") + tile));
        assertEquals(302, click.statusCode(), click.body());
        assertTrue(location(click).startsWith(services.url("a") + "?ticket=ST-"), location(click));
        String a = followAtTheService(family, location(click));
        assertTrue(a.contains("user=" + PERSON + "\n"), a);
        assertTrue(a.contains("uai=" + COLLEGE_UAI + "\n"), "the chosen establishment: " + a);
        assertTrue(a.contains("children=j.fournier1\n"), "the child attached there only: " + a);
        assertFalse(a.contains("s.fontaine1"), "Sarah is in Toulouse: " + a);
        assertTrue(a.contains("profile=LEGAL_REPRESENTATIVE\n") && a.contains("sn=Perrin\n")
                && a.contains("givenName=Yasmine\n") && a.contains("uid=" + PERSON + "\n"), a);
        assertTrue(a.contains("isFromNewLogin=false\n"), "single sign-on, no new login: " + a);
        assertTrue(a.contains("authenticationMethod=pwd\n") && !a.contains("authnContextClass"),
                "issue 24: signed in with a password, one factor: " + a);

        HttpResponse<String> toB = family.get(URI.create(services.url("b")));
        assertEquals(302, toB.statusCode());
        assertTrue(location(toB).startsWith(Portal.base() + "cas/login?service="), location(toB));
        HttpResponse<String> ticketForB = family.get(URI.create(location(toB)));
        assertEquals(302, ticketForB.statusCode(), "no sign-in page: " + ticketForB.body());
        assertTrue(location(ticketForB).startsWith(services.url("b") + "?ticket=ST-"), location(ticketForB));
        String b = followAtTheService(family, location(ticketForB));
        assertTrue(b.contains("user=" + PERSON + "\n") && b.contains("uai=" + COLLEGE_UAI + "\n"), b);
    }

    @Test
    @Order(3)
    void aServiceSendsAPersonNotSignedInThroughThePortalsSignInAndBack() {
        Http browser = new Http();
        HttpResponse<String> atService = browser.get(URI.create(services.url("a")));
        assertEquals(302, atService.statusCode());
        HttpResponse<String> casLogin = browser.get(URI.create(location(atService)));
        assertEquals(303, casLogin.statusCode());
        assertTrue(location(casLogin).endsWith("/login"), location(casLogin));
        assertTrue(browser.cookie("ent_cas_return") != null, "the way back is kept in a cookie, no session");

        HttpResponse<String> signedIn = browser.post("/login", Http.loginForm(browser.get("/login").body(), PERSON,
                PASSWORD), "X-Forwarded-For", "198.51.100.234");
        assertEquals(302, signedIn.statusCode());
        assertTrue(location(signedIn).contains("/cas/login?service=" + encode(services.url("a"))),
                "back to /cas/login (the collège is remembered): " + location(signedIn));
        HttpResponse<String> proceed = browser.get(URI.create(location(signedIn)));
        assertEquals(200, proceed.statusCode(), "after a form post, a page continues (CSP form-action 'self')");
        assertTrue(proceed.body().contains("http-equiv=\"refresh\""), proceed.body());
        Matcher link = Pattern.compile("<a id=\"continue\" href=\"([^\"]+)\"").matcher(proceed.body());
        assertTrue(link.find(), proceed.body());
        String ticketUrl = link.group(1).replace("&amp;", "&");
        assertTrue(ticketUrl.startsWith(services.url("a") + "?ticket=ST-"), ticketUrl);
        String a = followAtTheService(browser, ticketUrl);
        assertTrue(a.contains("user=" + PERSON + "\n") && a.contains("uai=" + COLLEGE_UAI + "\n"), a);
        assertTrue(a.contains("isFromNewLogin=true\n"), "signed in for this service: " + a);
        assertTrue(browser.cookie("ent_cas_return") == null || browser.cookie("ent_cas_return").isEmpty(),
                "the way back is used once");
    }

    @Test
    @Order(4)
    void forgedReplayedExpiredAndForeignTicketsGetTheCasCodes() throws Exception {
        Http region = region("198.51.100.235");
        long rejectedBefore = auditCount(region, "CAS_TICKET_REJECTED");
        Http person = signIn("198.51.100.236");
        String a = services.url("a");
        String b = services.url("b");

        String forB = ticket(person, a);
        assertEquals("INVALID_SERVICE", code(validate("p3/serviceValidate", forB, b)), "a ticket of A shown by B");
        assertEquals("INVALID_TICKET", code(validate("p3/serviceValidate", forB, a)), "and it is spent");

        String once = ticket(person, a);
        String success = validate("p3/serviceValidate", once, a);
        assertTrue(success.contains("xmlns:cas=\"http://www.yale.edu/tp/cas\""), success);
        assertTrue(success.contains("<cas:user>" + PERSON + "</cas:user>") && success.contains("<cas:attributes>"), success);
        assertEquals("INVALID_TICKET", code(validate("p3/serviceValidate", once, a)), "replayed");

        assertEquals("INVALID_TICKET", code(validate("p3/serviceValidate", "ST-" + "A".repeat(43), a)), "forged");
        assertEquals("INVALID_TICKET", code(validate("p3/serviceValidate", "PT-" + "A".repeat(43), a)), "proxy ticket");
        assertEquals("INVALID_REQUEST", code(validate("p3/serviceValidate", null, a)));
        assertEquals("INVALID_REQUEST", code(validate("serviceValidate", ticket(person, a), null)));

        String cas2 = validate("serviceValidate", ticket(person, a), a);
        assertTrue(cas2.contains("<cas:user>" + PERSON + "</cas:user>") && !cas2.contains("<cas:attributes>"), cas2);

        String proxy = new Http().get("/cas/proxy?pgt=PGT-1&targetService=" + encode(a)).body();
        assertTrue(proxy.contains("<cas:proxyFailure code=\"UNAUTHORIZED_SERVICE_PROXY\""), proxy);
        String withPgtUrl = new Http().get("/cas/p3/serviceValidate?ticket=" + ticket(person, a) + "&service="
                + encode(a) + "&pgtUrl=" + encode("https://evil.example.com/callback")).body();
        assertTrue(withPgtUrl.contains("<cas:authenticationSuccess>") && !withPgtUrl.contains("proxyGrantingTicket"),
                "validated, but no proxy-granting ticket: " + withPgtUrl);

        String late = ticket(person, a);
        Thread.sleep(10_500);
        assertEquals("INVALID_TICKET", code(validate("p3/serviceValidate", late, a)), "expired after 10 s");

        HttpResponse<String> renew = person.get("/cas/login?service=" + encode(a) + "&renew=true");
        assertEquals(303, renew.statusCode(), "renew: no ticket from single sign-on");
        assertTrue(location(renew).endsWith("/login"), location(renew));
        HttpResponse<String> gateway = new Http().get("/cas/login?service=" + encode(a) + "&gateway=true");
        assertEquals(302, gateway.statusCode());
        assertEquals(a, location(gateway), "gateway, not signed in: back to the service without a ticket");

        assertTrue(auditCount(region, "CAS_TICKET_REJECTED") >= rejectedBefore + 7, "each rejection is audited");
    }

    @Test
    @Order(5)
    void singleLogoutEndsThePortalSessionAndBothServices() throws Exception {
        String a = services.url("a");
        String b = services.url("b");
        assertEquals(200, family.get(URI.create(a)).statusCode(), "signed in at A");
        assertEquals(200, family.get(URI.create(b)).statusCode(), "signed in at B");
        HttpResponse<String> logout = family.get("/cas/logout");
        assertEquals(303, logout.statusCode());
        assertTrue(location(logout).endsWith("/login?signedOut=true"), location(logout));
        awaitSignedOut(a);
        awaitSignedOut(b);
        HttpResponse<String> home = family.get("/home");
        assertTrue(home.statusCode() == 302 && location(home).contains("/login"), "the portal session ended too");
    }

    @Test
    @Order(6)
    void aDisabledAccountsTicketIsRefused() {
        Http region = region("198.51.100.237");
        String accounts = region.get("/admin/accounts?identifier=" + PERSON).body();
        Matcher id = Pattern.compile("/admin/account\\?id=(\\d+)").matcher(accounts);
        assertTrue(id.find(), accounts);
        String page = "/admin/account?id=" + id.group(1);
        Http person = signIn("198.51.100.238");
        String ticket = ticket(person, services.url("a"));
        HttpResponse<String> disabled = region.post(page, AdminRegionIT.form(region.get(page).body(), "disable",
                "disable:submit"));
        assertEquals(302, disabled.statusCode(), disabled.body());
        try {
            assertEquals("INVALID_TICKET", code(validate("p3/serviceValidate", ticket, services.url("a"))));
        } finally {
            HttpResponse<String> enabled = region.post(page, AdminRegionIT.form(region.get(page).body(), "enable",
                    "enable:submit"));
            assertEquals(302, enabled.statusCode(), enabled.body());
        }
    }

    // ---- issue 20, item 5 (CAS) ------------------------------------------------------------------------------

    static final String TOULOUSE = "Lycée Pierre-Paul Riquet";

    @Test
    @Order(7)
    void ticketsCarryOnlyCasCharactersAndFormatJsonAnswersJsonInTheSchemasOrder() {
        Http person = signIn("198.51.100.240");
        String a = services.url("a");
        for (int i = 0; i < 20; i++) {
            // CAS 3.0 section 3.7: letters, digits and '-' (Base64url gave '_' in about a third of the tickets)
            String ticket = ticket(person, a);
            assertTrue(ticket.matches("ST-[A-Za-z0-9-]+"), ticket);
        }
        String ticket = ticket(person, a);
        HttpResponse<String> json = new Http().get("/cas/p3/serviceValidate?format=JSON&ticket=" + ticket
                + "&service=" + encode(a));
        assertEquals(200, json.statusCode());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                json.headers().toString());
        assertTrue(json.body().startsWith("{\"serviceResponse\":{\"authenticationSuccess\":{\"user\":\"" + PERSON
                + "\",\"attributes\":{\"authenticationDate\":\""), json.body());
        assertTrue(json.body().contains("\"longTermAuthenticationRequestTokenUsed\":\"false\",\"isFromNewLogin\":\"false\""),
                json.body());
        assertTrue(json.body().contains("\"uai\":\"" + COLLEGE_UAI + "\""), json.body());
        HttpResponse<String> replayed = new Http().get("/cas/p3/serviceValidate?format=JSON&ticket=" + ticket
                + "&service=" + encode(a));
        assertEquals("{\"serviceResponse\":{\"authenticationFailure\":{\"code\":\"INVALID_TICKET\","
                + "\"description\":\"The ticket is not recognized\"}}}", replayed.body());

        String kept = ticket(person, a);
        String yaml = new Http().get("/cas/p3/serviceValidate?format=YAML&ticket=" + kept + "&service=" + encode(a))
                .body();
        assertEquals("INVALID_REQUEST", code(yaml), "an unknown format is refused");
        String xml = validate("p3/serviceValidate", kept, a);
        assertTrue(xml.contains("<cas:authenticationSuccess>"), "and the ticket was not spent: " + xml);
        int date = xml.indexOf("<cas:authenticationDate>");
        int longTerm = xml.indexOf("<cas:longTermAuthenticationRequestTokenUsed>");
        int fromNew = xml.indexOf("<cas:isFromNewLogin>");
        assertTrue(date >= 0 && date < longTerm && longTerm < fromNew, "the protocol schema's order: " + xml);
    }

    @Test
    @Order(8)
    void pathParametersAndTheirEncodingsAreRefusedAndNothingIsIssued() {
        Http region = region("198.51.100.241");
        long refusedBefore = auditCount(region, "CAS_SERVICE_REFUSED");
        long issuedBefore = auditCount(region, "CAS_TICKET_ISSUED");
        String a = services.url("a");
        List<String> tricks = List.of(
                a + "..;/b/",
                a.replace("/a/", "/a/..;/b/"),
                a + ".;/",
                a.replace("/a/", "/a;/"),
                a + ";jsessionid=ABC",
                a + "%2e%2e;/b/",
                a + "..%3B/b/",
                a + "..%3b/b/",
                a + "%3Bjsessionid=ABC",
                a + "..%253B/b/",
                a + "..\\b\\");
        Http signedIn = signIn("198.51.100.242");
        for (String trick : tricks) {
            for (Http client : List.of(new Http(), signedIn)) {
                HttpResponse<String> answer = client.get("/cas/login?service=" + encode(trick));
                assertEquals(400, answer.statusCode(), trick);
                assertTrue(answer.headers().firstValue("Location").isEmpty(), "never a redirect: " + trick);
            }
        }
        assertTrue(auditCount(region, "CAS_SERVICE_REFUSED") >= refusedBefore + 2L * tricks.size(), "audited");
        assertEquals(issuedBefore, auditCount(region, "CAS_TICKET_ISSUED"), "no ticket issued");
    }

    @Test
    @Order(9)
    void aPathologicalRegularExpressionAnswersQuickly() {
        Http region = region("198.51.100.243");
        registerRegex(region, COLLEGE_UAI, "Service lent", "https://slow.example.org/" + "a".repeat(12),
                "^https://slow\\.example\\.org/(.*a){12}$");
        long refusedBefore = auditCount(region, "CAS_SERVICE_REFUSED");
        long issuedBefore = auditCount(region, "CAS_TICKET_ISSUED");
        // (.*a){12}$ against 200 'a' and a 'b': about n^12 steps of backtracking for java.util.regex (still running
        // after 10 s here), linear for RE2/J. ((a+)+$ with 60 'a' did not hang java.util.regex: it answered at once.)
        String evil = "https://slow.example.org/" + "a".repeat(200) + "b";
        Http signedIn = signIn("198.51.100.244");
        long start = System.nanoTime();
        HttpResponse<String> answer = signedIn.get("/cas/login?service=" + encode(evil));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(millis < 5_000, "answered in " + millis + " ms");
        assertTrue(auditCount(region, "CAS_SERVICE_REFUSED") >= refusedBefore + 1, "audited");
        assertEquals(issuedBefore, auditCount(region, "CAS_TICKET_ISSUED"), "no ticket issued");
    }

    @Test
    @Order(10)
    void renewIsMetOnlyByAPasswordTypedForThisRequest() {
        Http region = region("198.51.100.245");
        long refusedBefore = auditCount(region, "CAS_RETURN_REFUSED");
        String a = services.url("a");
        String renew = "/cas/login?service=" + encode(a) + "&renew=true";

        // a remembered device never meets renew
        Http reopened = new Http().withCookie("ent_remember", signInRemembered("198.51.100.246").cookie("ent_remember"));
        HttpResponse<String> asked = reopened.get(renew);
        assertEquals(303, asked.statusCode());
        assertTrue(location(asked).endsWith("/login"), location(asked));
        HttpResponse<String> byDevice = reopened.get("/login", "X-Forwarded-For", "198.51.100.247");
        assertEquals(303, byDevice.statusCode(), "the device signs in: " + byDevice.body());
        assertTrue(location(byDevice).contains("/cas/login?service="), location(byDevice));
        HttpResponse<String> back = reopened.get(Portal.base().resolve(location(byDevice)));
        assertEquals(303, back.statusCode(), "no ticket from a remembered device under renew: " + location(back));
        assertTrue(location(back).endsWith("/login"), location(back));

        // typed now: the ticket comes, from a new login, with no long-term token
        HttpResponse<String> typed = reopened.post("/login", Http.loginForm(reopened.get("/login").body(), PERSON,
                PASSWORD), "X-Forwarded-For", "198.51.100.248");
        assertEquals(302, typed.statusCode(), typed.body());
        String ticketUrl = continueLink(reopened.get(Portal.base().resolve(location(typed))));
        String xml = new Http().get("/cas/p3/serviceValidate?renew=true&service=" + encode(a) + "&ticket="
                + ticketUrl.substring(ticketUrl.indexOf("ticket=") + 7)).body();
        assertTrue(xml.contains("<cas:isFromNewLogin>true</cas:isFromNewLogin>")
                && xml.contains("<cas:longTermAuthenticationRequestTokenUsed>false<"), xml);

        // a forged way back (the former unsigned format, or a bad signature) credits nothing, and is audited
        String service64 = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(a.getBytes(StandardCharsets.UTF_8));
        int ip = 0;
        for (String forged : List.of("1.r." + service64, "v1.1.r." + service64 + ".AAAAAAAAAAAAAAAAAAAAAA.AAAA")) {
            Http person = signIn("198.51.100." + (160 + ip++)); // signed in with a password, then the forged cookie
            person.withCookie("ent_cas_return", forged);
            HttpResponse<String> refused = person.get(renew);
            assertEquals(303, refused.statusCode(), forged + ": " + location(refused));
            assertTrue(location(refused).endsWith("/login"), location(refused));
        }
        assertTrue(auditCount(region, "CAS_RETURN_REFUSED") >= refusedBefore + 2, "a forged way back is audited");

        // a genuine way back taken from another browser is bound to no session of this one
        Http other = new Http();
        assertEquals(303, other.get(renew).statusCode());
        String theirs = other.cookie("ent_cas_return");
        Http signedInAfter = signIn("198.51.100.250");
        signedInAfter.withCookie("ent_cas_return", theirs);
        HttpResponse<String> replayed = signedInAfter.get(renew);
        assertEquals(303, replayed.statusCode(), "another browser's way back: " + location(replayed));
    }

    @Test
    @Order(11)
    void aRememberedDeviceSignInIsNoNewLoginAndUsedTheLongTermToken() {
        String a = services.url("a");
        Http reopened = new Http().withCookie("ent_remember", signInRemembered("198.51.100.251").cookie("ent_remember"));
        HttpResponse<String> atService = reopened.get(URI.create(a));
        HttpResponse<String> casLogin = reopened.get(URI.create(location(atService)));
        assertEquals(303, casLogin.statusCode());
        HttpResponse<String> byDevice = reopened.get("/login", "X-Forwarded-For", "198.51.100.252");
        assertEquals(303, byDevice.statusCode(), byDevice.body());
        String ticketUrl = continueLink(reopened.get(Portal.base().resolve(location(byDevice))));
        String page = followAtTheService(reopened, ticketUrl);
        assertTrue(page.contains("user=" + PERSON + "\n"), page);
        assertTrue(page.contains("isFromNewLogin=false\n"), "no password typed: " + page);
        assertTrue(page.contains("longTermAuthenticationRequestTokenUsed=true\n"), page);
        assertTrue(page.contains("authenticationMethod=device\n"), "issue 24: a remembered device says so: " + page);
    }

    @Test
    @Order(12)
    void switchingEstablishmentSendsSingleLogoutSoTheNextTileGetsTheNewEstablishment() throws Exception {
        String a = services.url("a");
        Http browser = signIn("198.51.100.253");
        HttpResponse<String> first = browser.get("/cas/login?service=" + encode(a));
        assertEquals(302, first.statusCode(), first.body());
        String atCollege = followAtTheService(browser, location(first));
        assertTrue(atCollege.contains("uai=" + COLLEGE_UAI + "\n"), atCollege);
        try {
            choose(browser, TOULOUSE);
            awaitSignedOut(browser, a);
            HttpResponse<String> again = browser.get(URI.create(a));
            HttpResponse<String> ticket = browser.get(URI.create(location(again)));
            assertEquals(302, ticket.statusCode(), ticket.body());
            String atToulouse = followAtTheService(browser, location(ticket));
            assertTrue(atToulouse.contains("uai=" + TOULOUSE_UAI + "\n"), "the new establishment: " + atToulouse);
        } finally {
            choose(browser, COLLEGE); // the collège stays the remembered choice for the other tests
        }
    }

    @Test
    @Order(13)
    void getCasLogoutEndsTheSessionButKeepsTheRememberedDevice() {
        Http browser = signInRemembered("198.51.100.254");
        String session = browser.cookie("JSESSIONID");
        HttpResponse<String> logout = browser.get("/cas/logout");
        assertEquals(303, logout.statusCode());
        assertTrue(location(logout).endsWith("/login?signedOut=true"), location(logout));
        HttpResponse<String> ended = new Http().withCookie("JSESSIONID", session).get("/home");
        assertEquals(302, ended.statusCode(), "the session ended");
        assertTrue(location(ended).endsWith("/login"), location(ended));
        HttpResponse<String> signedOutPage = browser.get("/login?signedOut=true");
        assertEquals(200, signedOutPage.statusCode(), "the page after the sign-out does not sign in again");
        HttpResponse<String> later = browser.get("/login", "X-Forwarded-For", "198.51.100.255");
        assertEquals(303, later.statusCode(), "the remembered device still signs in: " + later.body());
    }

    static Http signInRemembered(String ip) {
        Http browser = new Http();
        Map<String, String> form = Http.loginForm(browser.get("/login").body(), PERSON, PASSWORD);
        form.put("remember", "on");
        HttpResponse<String> signedIn = browser.post("/login", form, "X-Forwarded-For", ip);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(browser.cookie("ent_remember") != null, "a remembered device");
        return browser;
    }

    static String continueLink(HttpResponse<String> proceed) {
        assertEquals(200, proceed.statusCode(), location(proceed) + " " + proceed.body());
        Matcher link = Pattern.compile("<a id=\"continue\" href=\"([^\"]+)\"").matcher(proceed.body());
        assertTrue(link.find(), proceed.body());
        return link.group(1).replace("&amp;", "&");
    }

    static void choose(Http browser, String establishment) {
        String choice = browser.get("/establishments").body();
        HttpResponse<String> chosen = browser.post("/establishments",
                AdminRegionIT.form(choice, "choice", chooseButton(choice, establishment)));
        assertEquals(302, chosen.statusCode(), chosen.body());
    }

    static void awaitSignedOut(Http browser, String service) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        HttpResponse<String> answer = browser.get(URI.create(service));
        while (answer.statusCode() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = browser.get(URI.create(service));
        }
        assertEquals(302, answer.statusCode(), "signed out of " + service + ": " + answer.body());
    }

    /** Registers a service whose addresses a regular expression allows. */
    static void registerRegex(Http region, String uai, String name, String url, String regex) {
        Matcher id = Pattern.compile("data-uai=\"" + uai + "\" data-id=\"(\\d+)\"")
                .matcher(region.get("/admin/region/establishments").body());
        assertTrue(id.find(), uai);
        String path = "/admin/region/establishments?id=" + id.group(1);
        List<Map.Entry<String, String>> fields = new ArrayList<>(
                AdminRegionIT.form(region.get(path).body(), "service", "service:save").entrySet());
        fields.add(Map.entry("service:name", name));
        fields.add(Map.entry("service:url", url));
        fields.add(Map.entry("service:enabled", "on"));
        fields.add(Map.entry("service:ssoKind", "REGEX"));
        fields.add(Map.entry("service:ssoPattern", regex));
        fields.add(Map.entry("service:attributes", "IDENTIFIER"));
        HttpResponse<String> saved = region.postPairs(path, fields);
        assertEquals(302, saved.statusCode(), saved.body());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Http region(String ip) {
        return AdminRegionIT.signedIn(AdminRegionIT.REGION, AdminRegionIT.REGION_PASSWORD, ip);
    }

    static Http signIn(String ip) {
        return AdminRegionIT.signedIn(PERSON, PASSWORD, ip);
    }

    /** Registers a service for single sign-on in an establishment, through the region's form in /admin. */
    static void register(Http region, String uai, String name, String url) {
        Matcher id = Pattern.compile("data-uai=\"" + uai + "\" data-id=\"(\\d+)\"")
                .matcher(region.get("/admin/region/establishments").body());
        assertTrue(id.find(), uai);
        String path = "/admin/region/establishments?id=" + id.group(1);
        List<Map.Entry<String, String>> fields = new ArrayList<>(
                AdminRegionIT.form(region.get(path).body(), "service", "service:save").entrySet());
        fields.add(Map.entry("service:name", name));
        fields.add(Map.entry("service:url", url));
        fields.add(Map.entry("service:enabled", "on"));
        fields.add(Map.entry("service:ssoKind", "PREFIX"));
        fields.add(Map.entry("service:ssoPattern", url));
        for (String attribute : List.of("IDENTIFIER", "FIRST_NAME", "LAST_NAME", "PROFILE", "UAI", "DIVISION",
                "CHILDREN")) {
            fields.add(Map.entry("service:attributes", attribute));
        }
        fields.add(Map.entry("service:singleLogout", "on"));
        HttpResponse<String> saved = region.postPairs(path, fields);
        assertEquals(302, saved.statusCode(), saved.body());
        String shown = region.get(path).body();
        assertTrue(shown.contains("data-sso=\"PREFIX\""), "the list shows the single sign-on pattern");
    }

    /** A ticket for the service from /cas/login (the person is signed in), without following the redirect. */
    static String ticket(Http person, String service) {
        HttpResponse<String> answer = person.get("/cas/login?service=" + encode(service));
        assertEquals(302, answer.statusCode(), answer.body());
        Matcher ticket = Pattern.compile("[?&]ticket=(ST-[A-Za-z0-9_-]+)$").matcher(location(answer));
        assertTrue(ticket.find(), location(answer));
        return ticket.group(1);
    }

    static String validate(String endpoint, String ticket, String service) {
        StringBuilder query = new StringBuilder("/cas/" + endpoint + "?");
        if (ticket != null) {
            query.append("ticket=").append(encode(ticket)).append('&');
        }
        if (service != null) {
            query.append("service=").append(encode(service));
        }
        HttpResponse<String> answer = new Http().get(query.toString());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        return answer.body();
    }

    static String code(String xml) {
        Matcher code = CAS_CODE.matcher(xml);
        assertTrue(code.find(), xml);
        return code.group(1);
    }

    /** Follows the service's redirects (ticket validation, then the page without the ticket); never leaves it. */
    static String followAtTheService(Http browser, String url) {
        URI current = URI.create(url);
        HttpResponse<String> answer = browser.get(current);
        for (int hops = 0; answer.statusCode() == 302 && hops < 5; hops++) {
            current = current.resolve(location(answer));
            assertTrue(current.toString().startsWith(services.url("a").replace("/a/", "/")),
                    "stays at the service: " + current);
            answer = browser.get(current);
        }
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    /** Back-channel requests go in the background: the service's session ends within a few seconds. */
    static void awaitSignedOut(String service) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        HttpResponse<String> answer = family.get(URI.create(service));
        while (answer.statusCode() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            answer = family.get(URI.create(service));
        }
        assertEquals(302, answer.statusCode(), "signed out of " + service + ": " + answer.body());
        assertTrue(location(answer).contains("/cas/login?service="), location(answer));
    }

    static long auditCount(Http region, String type) {
        Matcher count = Pattern.compile("data-count=\"(\\d+)\"").matcher(region.get("/admin/audit?type=" + type).body());
        assertTrue(count.find(), type);
        return Long.parseLong(count.group(1));
    }

    static String chooseButton(String page, String establishment) {
        int at = page.indexOf("data-establishment=\"" + establishment + "\"");
        assertTrue(at >= 0, establishment);
        Matcher button = Pattern.compile("name=\"([^\"]*:choose)\"").matcher(page);
        assertTrue(button.find(at), page);
        return button.group(1);
    }

    static String tileHref(String home, String name) {
        Matcher tile = Pattern.compile("<a class=\"tile__link\"[^>]*href=\"([^\"]+)\"[^>]*>\\s*<span class=\"tile__name\">"
                + Pattern.quote(name) + "</span>").matcher(home);
        assertTrue(tile.find(), name + " in " + home);
        return tile.group(1).replace("&amp;", "&");
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
