package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The region's administration (establishments, services, incident notices on /login, /home and /status) and the
 * help-request page: r.admin1 creates an establishment and a service, posts an incident that shows and then ends,
 * a.moreau1 cannot reach the region's pages, p.petit1 resolves l.martin1's help request and b.garnier1 cannot forge
 * a resolve for it. Leaves l.martin1's password and code as they are.
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 13)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminRegionIT {

    static final String REGION = "r.admin1";
    static final String REGION_PASSWORD = "Region#Academie2026";
    /** A valid UAI not in the demo data: 0930001 % 23 = 4 → 'E'. */
    static final String NEW_UAI = validUai(930_001);

    @Test
    @Order(1)
    void theRegionCreatesAnEstablishmentAndAService() {
        Http region = signedIn(REGION, REGION_PASSWORD, "198.51.100.201");
        HttpResponse<String> page = region.get("/admin/region/establishments");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("0771763Y"), "the demo lycée is listed");

        Map<String, String> invalid = form(page.body(), "establishment", "establishment:save");
        fillEstablishment(invalid, "0930001A", "Lycée Test Invalide");
        HttpResponse<String> refused = region.post("/admin/region/establishments", invalid);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("id=\"establishment:uai-error\"") || refused.body().contains("uai-error"),
                "a message next to the UAI field");
        assertTrue(refused.body().contains("lettre de contrôle"), refused.body());

        Map<String, String> valid = form(refused.body(), "establishment", "establishment:save");
        fillEstablishment(valid, NEW_UAI.toLowerCase(), "Lycée Test Région");
        HttpResponse<String> created = region.post("/admin/region/establishments", valid);
        assertEquals(302, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("id="), location);
        HttpResponse<String> edit = region.get(path(location));
        assertEquals(200, edit.statusCode());
        assertTrue(edit.body().contains("Établissement créé."), "flash message");
        assertTrue(edit.body().contains(NEW_UAI), "upper-cased and listed");

        Map<String, String> again = form(edit.body(), "establishment", "establishment:save");
        HttpResponse<String> duplicate = region.post("/admin/region/establishments", newForm(region, again));
        assertTrue(duplicate.statusCode() == 200 && duplicate.body().contains("existe déjà"), "a duplicate UAI is refused on its field");

        Map<String, String> badService = form(edit.body(), "service", "service:save");
        badService.put("service:name", "Pronote");
        badService.put("service:url", "http://pronote.example.fr");
        badService.put("service:enabled", "on");
        HttpResponse<String> badUrl = region.post(path(location), badService);
        assertEquals(200, badUrl.statusCode());
        assertTrue(badUrl.body().contains("doit commencer par https://"), badUrl.body());

        Map<String, String> service = form(badUrl.body(), "service", "service:save");
        service.put("service:name", "Pronote");
        service.put("service:url", "https://pronote.example.fr/" + NEW_UAI);
        service.put("service:enabled", "on");
        HttpResponse<String> saved = region.post(path(location), service);
        assertEquals(302, saved.statusCode(), saved.body());
        HttpResponse<String> withService = region.get(path(saved.headers().firstValue("Location").orElseThrow()));
        assertTrue(withService.body().contains("data-service=\"Pronote\""), withService.body());
        assertTrue(withService.body().contains("https://pronote.example.fr/" + NEW_UAI));
    }

    @Test
    @Order(2)
    void anIncidentShowsOnLoginStatusAndHomeUntilItIsEnded() throws Exception {
        String title = "Connexion perturbée " + System.nanoTime();
        String text = "Nous constatons des problèmes de connexion <script>alert(1)</script> à l’ENT.";
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, REGION, REGION_PASSWORD);
            WebDriver driver = browser.driver();
            browser.go("/admin/region/incidents");
            driver.findElement(By.id("incident:title")).sendKeys(title);
            driver.findElement(By.id("incident:text")).sendKeys(text);
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("incident:severity")))
                    .selectByValue("OUTAGE");
            assertTrue(driver.findElement(By.id("incident:forAll")).isSelected(), "all establishments by default");
            SignInPages.submitAndWait(driver, By.id("incident:save"));
            assertTrue(driver.getPageSource().contains("Avis publié."), driver.getPageSource());
            assertFalse(driver.findElements(By.cssSelector("#incidents-current tr[data-title='" + title + "']")).isEmpty(),
                    "listed as current");
            browser.screenshot("admin-incidents-1280");

            // Anonymous pages: the banner on /login and the public /status, text escaped.
            HttpResponse<String> login = new Http().get("/login");
            assertTrue(login.body().contains(title), "on /login");
            assertTrue(login.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "text escaped");
            assertFalse(login.body().contains("<script>alert(1)"), "never as HTML");
            assertTrue(login.body().contains("Panne"), "severity in words");
            HttpResponse<String> status = new Http().get("/status");
            assertEquals(200, status.statusCode());
            assertTrue(status.body().contains(title), "on /status");
            assertTrue(status.body().contains("Tous les établissements"), "where it applies");

            Http family = signedIn("p.petit1", "Tableau#Noir2026", "198.51.100.202");
            HttpResponse<String> home = family.get("/home");
            if (home.statusCode() == 200) {
                assertTrue(home.body().contains(title), "on /home");
            }

            try (Browser anonymous = Browser.open("fr")) {
                anonymous.go("/login");
                assertTrue(anonymous.driver().findElement(By.cssSelector(".incident--OUTAGE")).getText().contains(title));
                anonymous.screenshot("login-incident-1280");
                anonymous.phoneSize();
                anonymous.go("/status");
                anonymous.screenshot("status-360");
                Object overflow = ((JavascriptExecutor) anonymous.driver()).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(((Number) overflow).longValue() <= 0, "/status fits a phone");
            }

            // End it now: it leaves /login and /status at once.
            browser.go("/admin/region/incidents");
            SignInPages.submitAndWait(driver, By.cssSelector("#incidents-current tr[data-title='" + title + "'] .end-now"));
            assertTrue(driver.getPageSource().contains("Avis terminé"), driver.getPageSource());
            assertFalse(driver.findElements(By.cssSelector("#incidents-past tr[data-title='" + title + "']")).isEmpty(),
                    "listed as past");
        }
        assertFalse(new Http().get("/login").body().contains(title), "gone from /login");
        assertFalse(new Http().get("/status").body().contains(title), "gone from /status");
    }

    @Test
    @Order(3)
    void aLocalIncidentIsALineOnLoginAndInFullOnStatus() {
        String title = "Pronote indisponible " + System.nanoTime();
        Http region = signedIn(REGION, REGION_PASSWORD, "198.51.100.208");
        String page = region.get("/admin/region/incidents").body();
        Matcher lycee = Pattern.compile("name=\"incident:establishments\" id=\"(incident:establishments:\\d+)\" value=\"(\\d+)\"")
                .matcher(page);
        String lyceeId = null;
        while (lycee.find()) {
            if (page.contains("<label for=\"" + lycee.group(1) + "\" class=\"\"> Lycée Camille Claudel")) {
                lyceeId = lycee.group(2);
            }
        }
        assertTrue(lyceeId != null, "the lycée is offered");
        Matcher from = Pattern.compile("name=\"incident:from\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(from.find(), "the start is prefilled with now");

        Map<String, String> none = form(page, "incident", "incident:save");
        none.put("incident:title", title);
        none.put("incident:text", "Pronote ne répond plus au lycée.");
        none.put("incident:severity", "DISRUPTION");
        none.put("incident:from", from.group(1));
        none.put("incident:until", "");
        HttpResponse<String> refused = region.post("/admin/region/incidents", none);
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("au moins un établissement"), "neither all nor any establishment");

        Map<String, String> post = form(refused.body(), "incident", "incident:save");
        post.putAll(Map.of("incident:title", title, "incident:text", "Pronote ne répond plus au lycée.",
                "incident:severity", "DISRUPTION", "incident:from", from.group(1), "incident:until", "",
                "incident:establishments", lyceeId));
        assertEquals(302, region.post("/admin/region/incidents", post).statusCode());

        String login = new Http().get("/login").body();
        assertFalse(login.contains(title), "a local notice is not shown in full on /login");
        assertTrue(login.contains("Perturbation dans un établissement."), "but counted, with a link to /status");
        String status = new Http().get("/status").body();
        assertTrue(status.contains(title) && status.contains("Lycée Camille Claudel (Melun)"), status);

        String list = region.get("/admin/region/incidents").body();
        Matcher end = Pattern.compile("data-title=\"" + Pattern.quote(title) + "\".*?name=\"([^\"]+)\" value=\"Terminer maintenant\"",
                Pattern.DOTALL).matcher(list);
        assertTrue(end.find(), "an end button on its row");
        Map<String, String> endIt = form(list, "lists", end.group(1));
        assertEquals(302, region.post("/admin/region/incidents", endIt).statusCode());
        assertFalse(new Http().get("/status").body().contains(title), "ended");
        assertFalse(new Http().get("/login").body().contains("Perturbation dans"), "the line is gone");
    }

    @Test
    @Order(4)
    void aSchoolAdminCannotReachTheRegionsPages() {
        Http school = signedIn("a.moreau1", "Registre#Lycee2026", "198.51.100.203");
        for (String page : List.of("/admin/region/establishments", "/admin/region/incidents",
                "/admin/region/establishments?id=1", "/admin/region/incidents?id=1")) {
            int status = school.get(page).statusCode();
            assertTrue(status == 403 || status == 404, page + " answered " + status);
        }
        assertEquals(200, school.get("/admin/help-requests").statusCode(), "but sees the help requests");
        assertTrue(new Http().get("/admin/help-requests").statusCode() == 302, "anonymous: sign in first");
    }

    @Test
    @Order(5)
    void thePrincipalTeacherResolvesLMartinsHelpRequestAndAnotherSchoolCannot() throws Exception {
        // The way a family asks: /help/password with the identifier of a pupil who has no verified email.
        Http pupil = new Http();
        String helpPage = pupil.get("/help/password").body();
        Map<String, String> ask = form(helpPage, "forgottenPassword", "forgottenPassword:submit");
        ask.put("forgottenPassword:typed", "l.martin1");
        assertEquals(302, pupil.post("/help/password", ask, "X-Forwarded-For", "198.51.100.204").statusCode(),
                "the answer is a page of its own (post-redirect-get)");

        Http teacher = signedIn("p.petit1", "Tableau#Noir2026", "198.51.100.205");
        String requestId = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String list = "";
        while (requestId == null && System.nanoTime() < deadline) { // the help request opens in the background
            list = teacher.get("/admin/help-requests?status=OPEN").body();
            Matcher row = Pattern.compile("data-request=\"(\\d+)\" data-identifier=\"l.martin1\" data-status=\"OPEN\"")
                    .matcher(list);
            if (row.find()) {
                requestId = row.group(1);
            } else {
                Thread.sleep(500);
            }
        }
        assertTrue(requestId != null, "p.petit1 sees l.martin1's open request: " + list);
        assertTrue(list.contains("/admin/letters?account="), "a link to re-issue a letter");
        assertTrue(list.contains("/admin/account?id="), "a link to the account");

        Map<String, String> empty = form(list, "resolve", "resolve:submit");
        empty.put("resolve:requestId", requestId);
        empty.put("resolve:note", "  ");
        HttpResponse<String> noNote = teacher.post("/admin/help-requests?status=OPEN", empty);
        assertEquals(200, noNote.statusCode());
        assertTrue(noNote.body().contains("Dites en quelques mots"), "the note is mandatory");

        // b.garnier1 (the collège) forges a resolve of the lycée's request: 404, still open.
        Http otherSchool = signedIn("b.garnier1", "Registre#College2026", "198.51.100.206");
        String otherPage = otherSchool.get("/admin/help-requests").body();
        assertFalse(otherPage.contains("data-identifier=\"l.martin1\""), "b.garnier1 does not see it");
        Map<String, String> forged = form(otherPage, "resolve", "resolve:submit");
        forged.put("resolve:requestId", requestId);
        forged.put("resolve:note", "forged");
        assertEquals(404, otherSchool.post("/admin/help-requests", forged).statusCode());

        // p.petit1 resolves it in the browser: the row's button opens the dialog for that request.
        String id = requestId;
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, "p.petit1", "Tableau#Noir2026");
            WebDriver driver = browser.driver();
            browser.go("/admin/help-requests");
            driver.findElement(By.cssSelector("tr[data-request='" + id + "'] .resolve-open")).click();
            SignInPages.wait(driver).until(d -> d.findElement(By.id("resolve:note")).isDisplayed());
            assertEquals(id, driver.findElement(By.id("resolve:requestId")).getAttribute("value"));
            assertTrue(driver.findElement(By.id("resolve-who")).getText().contains("l.martin1"));
            driver.findElement(By.id("resolve:note")).sendKeys("Nouveau code remis en main propre en classe");
            browser.screenshot("admin-help-resolve-1280");
            SignInPages.submitAndWait(driver, By.id("resolve:submit"));
            assertTrue(driver.getPageSource().contains("Demande marquée comme traitée."), driver.getPageSource());
            assertTrue(browser.consoleErrors().isEmpty(), () -> "console errors: " + browser.consoleErrors());
        }
        String after = teacher.get("/admin/help-requests?status=OPEN").body();
        assertFalse(after.contains("data-request=\"" + requestId + "\""), "no longer open");
        String resolved = teacher.get("/admin/help-requests?status=RESOLVED").body();
        assertTrue(resolved.contains("data-request=\"" + requestId + "\""), "listed as resolved");
        assertTrue(resolved.contains("Nouveau code remis en main propre en classe"), "with its note");

        Map<String, String> twice = form(after, "resolve", "resolve:submit");
        twice.put("resolve:requestId", requestId);
        twice.put("resolve:note", "encore");
        HttpResponse<String> again = teacher.post("/admin/help-requests", twice);
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("déjà traitée"), "a calm message when already resolved");

        String region = signedIn(REGION, REGION_PASSWORD, "198.51.100.207").get("/admin/help-requests").body();
        assertTrue(region.contains("data-request=\"" + requestId + "\""), "the region sees it too");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Http signedIn(String identifier, String password, String ip) {
        Http http = new Http();
        String page = http.get("/login").body();
        HttpResponse<String> answer = http.post("/login", Http.loginForm(page, identifier, password),
                "X-Forwarded-For", ip);
        assertEquals(302, answer.statusCode(), identifier + " signs in");
        return http;
    }

    /** The hidden fields of one form of the page (its view state, its marker), the page's nonce and the button. */
    static Map<String, String> form(String page, String formId, String button) {
        int start = page.indexOf("<form id=\"" + formId + "\"");
        assertTrue(start >= 0, "form " + formId + " on the page");
        String html = page.substring(start, page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(html);
        while (hidden.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(hidden.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(hidden.group());
            if (name.find()) {
                fields.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&") : "");
            }
        }
        Matcher nonce = Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)").matcher(page);
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        fields.put(button, "");
        return fields;
    }

    private static void fillEstablishment(Map<String, String> form, String uai, String name) {
        form.put("establishment:uai", uai);
        form.put("establishment:name", name);
        form.put("establishment:kind", "LYCEE");
        form.put("establishment:academie", "Créteil");
        form.put("establishment:city", "Meaux");
        form.put("establishment:contactEmail", "ce." + uai.toLowerCase() + "@ac-creteil.fr");
        form.put("establishment:contactPhone", "01 60 00 00 00");
    }

    /** A create form (fresh page) re-using the UAI just registered. */
    private static Map<String, String> newForm(Http http, Map<String, String> ignored) {
        Map<String, String> form = form(http.get("/admin/region/establishments").body(), "establishment",
                "establishment:save");
        fillEstablishment(form, NEW_UAI, "Doublon");
        return form;
    }

    private static String path(String location) {
        java.net.URI uri = java.net.URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String validUai(int number) {
        return String.format("%07d", number) + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(number % 23);
    }
}
