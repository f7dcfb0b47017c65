package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * Activation letters, the activation dashboard and the audit log, black-box: a.moreau1 prints the letters of "2nde A"
 * in the browser (progress bar, then the PDF read back with OpenPDF's text extractor: one page per pupil with the
 * identifier and a code), the new code works at /login and the previous one no longer does; the dashboard's counts
 * change; the audit log filters and exports CSV; scope: p.petit1 prints 2nde B but gets 404 for 2nde A and the audit
 * log, b.garnier1 gets 404 on the lycée's letters. Last (other classes need l.martin1's demo code until then):
 * a.moreau1 re-issues l.martin1's code from /admin/letters?account= and the new code signs in.
 * <p>
 * No test leans on what another one did: the dashboard and audit tests print the class themselves over plain HTTP
 * (the page's own AJAX requests, no browser), so they run on a machine without Chromium too; the one browser test that
 * needs the previous one's letter is skipped with the reason when that one did not print.
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 11)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminLettersIT {

    static final String MOREAU = "a.moreau1";
    static final String MOREAU_PASSWORD = "Registre#Lycee2026";
    static final Pattern CODE = Pattern.compile("\\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\\b");
    static final String CLASS = "2nde A";

    private static long lyceeId;
    static String firstCode;
    static final String ROUX_PASSWORD = "Marée basse à Cancale 7";
    static Web rouxSession;

    @Test
    @Order(1)
    void scopeDecidesWhoSeesWhichLetters() {
        Web moreau = Web.signedIn(MOREAU, MOREAU_PASSWORD, "198.51.100.201");
        lyceeId(moreau);
        assertEquals(200, moreau.get(classPath(CLASS)).statusCode());

        Web petit = Web.signedIn("p.petit1", "Tableau#Noir2026", "198.51.100.202");
        assertEquals(200, petit.get(classPath("2nde B")).statusCode(), "p.petit1 prints his class");
        assertEquals(404, petit.get(classPath(CLASS)).statusCode(), "not another class");
        assertEquals(404, petit.get("/admin/audit").statusCode(), "a principal teacher has no audit log");

        Web garnier = Web.signedIn("b.garnier1", "Registre#College2026", "198.51.100.203");
        assertEquals(404, garnier.get(classPath(CLASS)).statusCode(), "another establishment's class");
        assertEquals(404, garnier.get("/admin/letters?establishment=" + lyceeId).statusCode());
        assertEquals(404, garnier.get("/admin/activation?establishment=" + lyceeId).statusCode());
        long anAccountOfTheLycee = accountId(moreau, "2nde B", "l.martin1");
        assertEquals(404, garnier.get("/admin/letters?account=" + anAccountOfTheLycee).statusCode());
        assertEquals(404, garnier.get("/admin/letters?account=999999999").statusCode());
        assertEquals(200, garnier.get("/admin/audit").statusCode(), "her own establishment's audit log");

        Web region = Web.signedIn("r.admin1", "Region#Academie2026", "198.51.100.217");
        HttpResponse<String> establishments = region.get("/admin/letters");
        assertTrue(establishments.body().contains("/admin/letters?establishment=" + lyceeId), "the region chooses");
        HttpResponse<String> figures = region.get("/admin/activation?establishment=" + lyceeId);
        assertEquals(200, figures.statusCode());
        assertTrue(figures.body().contains("data-division=\"2nde A\""), figures.body());
        assertEquals(200, region.get(classPath(CLASS)).statusCode());
    }

    @Test
    @Order(2)
    void theDashboardCountsTheClassBeforeThePrint() {
        Web moreau = Web.signedIn(MOREAU, MOREAU_PASSWORD, "198.51.100.204");
        HttpResponse<String> page = moreau.get("/admin/activation");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"chart\""), "the chart is there");
        Map<String, Long> before = counts(page.body(), CLASS);
        assertTrue(before.get("without-code") + before.get("active") + before.get("expired") > 0, before::toString);
    }

    @Test
    @Order(3)
    void aMoreauPrintsTheClassAndTheNewCodeWorks() throws Exception {
        List<String> pupils;
        byte[] pdf;
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, MOREAU, MOREAU_PASSWORD);
            WebDriver driver = browser.driver();
            browser.go(classPath(CLASS));
            pupils = driver.findElements(By.cssSelector("#roll .roll__pupil")).stream()
                    .map(li -> li.getAttribute("data-identifier")).toList();
            assertTrue(pupils.contains("n.roux1"), pupils::toString);
            driver.findElement(By.id("print:start")).click();
            SignInPages.wait(driver).withTimeout(Duration.ofSeconds(90))
                    .until(d -> !d.findElements(By.id("print:download")).isEmpty());
            browser.screenshot("admin-letters-class");
            assertEquals(String.valueOf(pupils.size()),
                    driver.findElement(By.id("print-done")).getAttribute("data-printed"));
            Web same = Web.from(driver);
            String page = driver.getPageSource();
            pdf = same.postForBytes(classPath(CLASS), Web.form(page, "print", "print:download"));
            byte[] again = same.postForBytes(classPath(CLASS), Web.form(page, "print", "print:download"));
            assertArrayEquals(pdf, again, "a second click downloads the same letters: no second re-issue");
        }
        Map<String, String> codes = codesByIdentifier(pdf, pupils.size());
        assertEquals(pupils.size(), codes.size());
        firstCode = codes.get("n.roux1");
        HttpResponse<String> signedIn = signIn("n.roux1", firstCode, "198.51.100.205");
        assertEquals(302, signedIn.statusCode(), "the new code works");
        assertTrue(signedIn.headers().firstValue("Location").orElse("").contains("/first-connection"));

        // n.roux1 activates the account (a password of their own) and stays signed in.
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, "n.roux1", firstCode);
            SignInPages.completeFirstConnection(browser, ROUX_PASSWORD, null);
            assertFalse(browser.driver().getCurrentUrl().contains("/first-connection"), browser.driver().getCurrentUrl());
            rouxSession = Web.from(browser.driver());
        }
        assertEquals(200, rouxSession.get("/home").statusCode(), "n.roux1 is signed in");
    }

    @Test
    @Order(4)
    void printingAgainVoidsTheCodeOfThePreviousLetter() throws Exception {
        byte[] pdf;
        try (Browser browser = Browser.open("en")) {
            Assumptions.assumeTrue(firstCode != null && rouxSession != null,
                    "needs the letter and the session of aMoreauPrintsTheClassAndTheNewCodeWorks, which did not pass");
            SignInPages.signIn(browser, MOREAU, MOREAU_PASSWORD);
            WebDriver driver = browser.driver();
            browser.go(classPath(CLASS));
            driver.findElement(By.id("print:start")).click();
            SignInPages.wait(driver).withTimeout(Duration.ofSeconds(90))
                    .until(d -> !d.findElements(By.id("print:download")).isEmpty());
            pdf = Web.from(driver).postForBytes(classPath(CLASS),
                    Web.form(driver.getPageSource(), "print", "print:download"));
        }
        PdfReader reader = new PdfReader(pdf);
        assertTrue(new PdfTextExtractor(reader).getTextFromPage(1).contains("Provisional code"), "English letters");
        String secondCode = codesByIdentifier(pdf, reader.getNumberOfPages()).get("n.roux1");
        assertNotEquals(firstCode, secondCode);
        HttpResponse<String> old = signIn("n.roux1", firstCode, "198.51.100.207");
        assertEquals(200, old.statusCode(), "the previous letter's code no longer works");
        assertTrue(old.body().contains("incorrect"), old.body());
        HttpResponse<String> password = signIn("n.roux1", ROUX_PASSWORD, "198.51.100.214");
        assertEquals(200, password.statusCode(), "nor the password chosen since");
        Thread.sleep(2_100); // the per-session cache of the account's sign-out instant
        HttpResponse<String> home = rouxSession.get("/home");
        assertEquals(302, home.statusCode(), "n.roux1's open session ended");
        assertTrue(home.headers().firstValue("Location").orElse("").contains("/login"));
        HttpResponse<String> fresh = signIn("n.roux1", secondCode, "198.51.100.208");
        assertTrue(fresh.headers().firstValue("Location").orElse("").contains("/first-connection"));
    }

    @Test
    @Order(5)
    void theDashboardCountsChangeAfterThePrint() {
        Web moreau = Web.signedIn(MOREAU, MOREAU_PASSWORD, "198.51.100.209");
        Map<String, Long> before = counts(moreau.get("/admin/activation").body(), CLASS);
        byte[] pdf = printClass(moreau, CLASS);
        assertTrue(pdf.length > 0);
        Map<String, Long> after = counts(moreau.get("/admin/activation").body(), CLASS);
        // every pupil of the class now holds a fresh code, whatever the class's state before (a browser test may have
        // printed it already): pending, none active, expired or without a code
        long pupils = before.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(Map.of("active", 0L, "pending", pupils, "expired", 0L, "without-code", 0L), after,
                () -> "before " + before);
        HttpResponse<String> list = moreau.get("/admin/activation?establishment=" + lyceeId(moreau) + "&division="
                + URLEncoder.encode(CLASS, StandardCharsets.UTF_8));
        assertTrue(list.body().contains("data-identifier=\"n.roux1\""), "n.roux1 still has to activate");
        assertTrue(list.body().contains("/admin/letters?account="), "with a link to the letter");
    }

    @Test
    @Order(6)
    void theActivationChartDrawsWithoutScriptErrors() throws Exception {
        try (Browser browser = Browser.open("fr")) {
            SignInPages.signIn(browser, MOREAU, MOREAU_PASSWORD);
            browser.go("/admin/activation");
            SignInPages.wait(browser.driver()).until(d -> !d.findElements(By.cssSelector("#chart canvas")).isEmpty());
            browser.screenshot("admin-activation");
            assertTrue(browser.consoleErrors().isEmpty(), () -> "console errors: " + browser.consoleErrors());
        }
    }

    @Test
    @Order(7)
    void theAuditLogFiltersAndExportsCsv() throws Exception {
        Web moreau = Web.signedIn(MOREAU, MOREAU_PASSWORD, "198.51.100.210");
        String filtered = "/admin/audit?type=ADMIN_CODE_REISSUED&identifier=n.roux1";
        long printsBefore = auditCount(moreau.get(filtered).body());
        String code = codesByIdentifier(printClass(moreau, CLASS), -1).get("n.roux1");
        assertNotNull(code, "n.roux1 is in the class's letters");
        HttpResponse<String> page = moreau.get(filtered);
        assertEquals(200, page.statusCode());
        assertEquals(printsBefore + 1, auditCount(page.body()), "the print re-issued n.roux1's code once, audited");
        byte[] csv = moreau.postForBytes(filtered, Web.form(page.body(), "export", "export:csv"));
        assertEquals((byte) 0xEF, csv[0], "UTF-8 byte order mark for Excel");
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("\"date\";\"type\";"), lines[0]);
        assertTrue(lines.length >= 2, text);
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].contains(";\"ADMIN_CODE_REISSUED\";") && lines[i].contains(";\"n.roux1\";"), lines[i]);
            assertFalse(CODE.matcher(lines[i]).find(), "no code in the audit trail");
        }
        HttpResponse<String> exported = moreau.get("/admin/audit?type=AUDIT_EXPORTED&identifier=a.moreau1");
        assertTrue(exported.body().contains("AUDIT_EXPORTED"), "the export is audited");
        assertEquals(200, moreau.get("/admin/audit?from=2020-01-01&to=2099-12-31").statusCode());
        assertEquals(200, moreau.get("/admin/audit?type=NOPE&from=yesterday").statusCode(), "bad filters: calm");
        String serverLog = java.nio.file.Files.readString(Portal.log(), StandardCharsets.ISO_8859_1);
        assertFalse(serverLog.contains(code), "no provisional code in the server's log");
    }

    /** The end of the class: l.martin1's demo code (other classes use it until now) is replaced. */
    @Test
    @Order(99)
    void aMoreauReissuesLMartinsCodeAndTheNewOneSignsIn() throws Exception {
        // Whichever l.martin1 holds now: the demo code, or the password chosen in SignInJourneyIT.
        String martinPassword = "Vélo rouge à Créteil 7";
        boolean hadPassword = signIn("l.martin1", martinPassword, "198.51.100.215").statusCode() == 302;
        Web moreau = Web.signedIn(MOREAU, MOREAU_PASSWORD, "198.51.100.211");
        long martin = accountId(moreau, "2nde B", "l.martin1");
        String path = "/admin/letters?account=" + martin;
        HttpResponse<String> page = moreau.get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("l.martin1"));
        byte[] pdf = moreau.postForBytes(path, Web.form(page.body(), "letter", "letter:reissue"));
        String code = codesByIdentifier(pdf, 1).get("l.martin1");
        assertNotNull(code);
        HttpResponse<String> old = signIn("l.martin1", "DEMO1-PUPIL", "198.51.100.212");
        assertEquals(200, old.statusCode(), "the demo code no longer works");
        if (hadPassword) {
            assertEquals(200, signIn("l.martin1", martinPassword, "198.51.100.216").statusCode(),
                    "nor the password l.martin1 had chosen");
        }
        HttpResponse<String> fresh = signIn("l.martin1", code, "198.51.100.213");
        assertEquals(302, fresh.statusCode());
        assertTrue(fresh.headers().firstValue("Location").orElse("").contains("/first-connection"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static String classPath(String division) {
        if (lyceeId == 0) {
            lyceeId(Web.signedIn(MOREAU, MOREAU_PASSWORD, "198.51.100.218"));
        }
        return "/admin/letters?establishment=" + lyceeId + "&division=" + URLEncoder.encode(division, StandardCharsets.UTF_8);
    }

    /** The lycée's id, read from a.moreau1's letters chooser (the link to 2nde A). */
    private static long lyceeId(Web moreau) {
        if (lyceeId == 0) {
            HttpResponse<String> chooser = moreau.get("/admin/letters");
            assertEquals(200, chooser.statusCode(), chooser.body());
            Matcher link = Pattern.compile("letters\\?establishment=(\\d+)&amp;division=2nde\\+A").matcher(chooser.body());
            assertTrue(link.find(), chooser.body());
            lyceeId = Long.parseLong(link.group(1));
        }
        return lyceeId;
    }

    private static long auditCount(String page) {
        Matcher count = Pattern.compile("data-count=\"(\\d+)\"").matcher(page);
        assertTrue(count.find(), page);
        return Long.parseLong(count.group(1));
    }

    /**
     * Prints a class's pupils' letters as the page's script does, over plain HTTP: the start button's AJAX request,
     * then the progress bar's "complete" event (its listener waits for the print), then the download button.
     */
    static byte[] printClass(Web web, String division) {
        String path = classPath(division);
        HttpResponse<String> page = web.get(path);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> start = Web.form(page.body(), "print", "print:start");
        start.remove("print:start");
        start.putAll(Map.of("jakarta.faces.partial.ajax", "true", "jakarta.faces.source", "print:start",
                "jakarta.faces.partial.execute", "print", "jakarta.faces.partial.render", "print",
                "print:start", "print:start", "print:audience", "PUPILS"));
        String started = ajax(web, path, start);
        assertTrue(started.contains("print:progress"), "the print started: " + started);

        Map<String, String> complete = new LinkedHashMap<>(start);
        complete.keySet().removeIf(name -> name.startsWith("print:"));
        complete.put("jakarta.faces.ViewState", viewState(started, start.get("jakarta.faces.ViewState")));
        complete.putAll(Map.of("jakarta.faces.source", "print:progress", "jakarta.faces.partial.execute",
                "print:progress", "jakarta.faces.partial.event", "complete", "jakarta.faces.behavior.event", "complete"));
        String finished = ajax(web, path, complete);
        assertTrue(finished.contains("print:download"), "the print finished: " + finished);

        Map<String, String> download = new LinkedHashMap<>();
        download.put("print", "print");
        download.put("jakarta.faces.ViewState", viewState(finished, complete.get("jakarta.faces.ViewState")));
        download.put("primefaces.nonce", start.get("primefaces.nonce"));
        download.put("print:download", "");
        return web.postForBytes(path, download);
    }

    private static String ajax(Web web, String path, Map<String, String> fields) {
        HttpResponse<String> answer = web.postForm(path, fields, "Faces-Request", "partial/ajax");
        assertEquals(200, answer.statusCode(), answer.body());
        assertFalse(answer.body().contains("<error>") || answer.body().contains("<redirect"), answer.body());
        return answer.body();
    }

    /** The view state a partial response hands back, or the one sent when it hands none. */
    private static String viewState(String partialResponse, String sent) {
        Matcher state = Pattern.compile("ViewState:0\"><!\\[CDATA\\[([^\\]]*)\\]\\]>").matcher(partialResponse);
        return state.find() ? state.group(1) : sent;
    }

    private static long accountId(Web web, String division, String identifier) {
        String body = web.get(classPath(division)).body();
        Matcher m = Pattern.compile("data-identifier=\"" + Pattern.quote(identifier)
                + "\".*?/admin/letters\\?account=(\\d+)", Pattern.DOTALL).matcher(body);
        assertTrue(m.find(), body);
        return Long.parseLong(m.group(1));
    }

    /** Each page's identifier and code, checking one page per account ({@code pages}; -1: any number), each with one code. */
    static Map<String, String> codesByIdentifier(byte[] pdf, int pages) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        if (pages < 0) {
            pages = reader.getNumberOfPages();
        }
        assertEquals(pages, reader.getNumberOfPages());
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        Map<String, String> codes = new LinkedHashMap<>();
        Pattern identifier = Pattern.compile("\\b[a-z]\\.[a-z]+[1-9][0-9]*\\b");
        for (int page = 1; page <= pages; page++) {
            String text = extractor.getTextFromPage(page);
            Matcher code = CODE.matcher(text);
            assertTrue(code.find(), text);
            Matcher id = identifier.matcher(text);
            assertTrue(id.find(), text);
            codes.put(id.group(), code.group());
        }
        reader.close();
        return codes;
    }

    private static Map<String, Long> counts(String page, String division) {
        Matcher row = Pattern.compile("<tr data-division=\"" + Pattern.quote(division) + "\" data-active=\"(\\d+)\""
                + " data-pending=\"(\\d+)\" data-expired=\"(\\d+)\" data-without-code=\"(\\d+)\"").matcher(page);
        assertTrue(row.find(), page);
        return Map.of("active", Long.parseLong(row.group(1)), "pending", Long.parseLong(row.group(2)),
                "expired", Long.parseLong(row.group(3)), "without-code", Long.parseLong(row.group(4)));
    }

    private static HttpResponse<String> signIn(String identifier, String secret, String ip) {
        Http http = new Http();
        String page = http.get("/login").body();
        return http.post("/login", Http.loginForm(page, identifier, secret), "X-Forwarded-For", ip);
    }

    /** A signed-in HTTP client that can also read binary answers (PDF, CSV). */
    static final class Web {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();

        static Web signedIn(String identifier, String password, String ip) {
            Web web = new Web();
            String page = web.get("/login").body();
            HttpResponse<byte[]> answer = web.send(post("/login", Http.loginForm(page, identifier, password))
                    .header("X-Forwarded-For", ip).build());
            assertEquals(302, answer.statusCode(), identifier + " signs in");
            return web;
        }

        /** The browser's session, to download what its page offers. */
        static Web from(WebDriver driver) {
            Web web = new Web();
            for (Cookie cookie : driver.manage().getCookies()) {
                HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
                copy.setPath("/");
                copy.setVersion(0);
                web.cookies.getCookieStore().add(Portal.base(), copy);
            }
            return web;
        }

        HttpResponse<String> get(String path) {
            HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(Portal.url(path)).timeout(Duration.ofSeconds(30))
                    .GET().build());
            return new Text(answer);
        }

        /** Posts a form and answers whatever comes back (status, headers, body as text); headers as name/value pairs. */
        HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
            HttpRequest.Builder request = post(path, fields);
            if (headers.length > 0) {
                request.headers(headers);
            }
            return new Text(send(request.build()));
        }

        /** The value of a cookie in this client's jar, or null. */
        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }

        byte[] postForBytes(String path, Map<String, String> fields) {
            HttpResponse<byte[]> answer = send(post(path, fields).build());
            assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
            String type = answer.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.startsWith("application/pdf") || type.startsWith("text/csv"),
                    type + ": " + new String(answer.body(), StandardCharsets.UTF_8));
            return answer.body();
        }

        /** The hidden fields of the form {@code formId} in {@code page}, its nonce, and the button pressed. */
        static Map<String, String> form(String page, String formId, String button) {
            int start = page.indexOf("<form id=\"" + formId + "\"");
            assertTrue(start >= 0, "form " + formId + " in " + page);
            String form = page.substring(start, page.indexOf("</form>", start));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form);
            while (hidden.find()) {
                fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
            }
            Matcher nonce = Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)").matcher(page);
            if (nonce.find()) {
                fields.put("primefaces.nonce", nonce.group(1));
            }
            fields.put(formId, formId);
            fields.put(button, "");
            return fields;
        }

        private static HttpRequest.Builder post(String path, Map<String, String> fields) {
            List<String> pairs = new ArrayList<>();
            fields.forEach((name, value) -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return HttpRequest.newBuilder(Portal.url(path)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
        }

        private HttpResponse<byte[]> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A binary answer read as UTF-8 text. */
    private record Text(HttpResponse<byte[]> raw) implements HttpResponse<String> {
        @Override public int statusCode() { return raw.statusCode(); }
        @Override public HttpRequest request() { return raw.request(); }
        @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return raw.headers(); }
        @Override public String body() { return new String(raw.body(), StandardCharsets.UTF_8); }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return raw.sslSession(); }
        @Override public URI uri() { return raw.uri(); }
        @Override public HttpClient.Version version() { return raw.version(); }
    }
}
