package fr.ent.portal.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.ent.portal.it.Hostile.Answer;
import fr.ent.portal.it.Hostile.Session;
import fr.ent.portal.it.Hostile.Value;

/**
 * Issue 10, hostile input, black-box. The pages are discovered, not listed: starting from the addresses a visitor,
 * a family (y.perrin1) and the region (r.admin1) reach, every same-site link is followed, and every form (its fields,
 * hidden inputs, JSF view state and nonce) and every URL parameter found is replayed with each value of the hostile
 * corpus in each field or parameter, one at a time; the servlets' parameters that no page links to (mail links, CAS,
 * the waiting room) are added by hand, and the registry import gets hostile CSV files. Every answer: no 5xx (but a
 * planned 503 with Retry-After), no exception name or stack frame, no corpus script live in the page, no injected
 * header, no redirect away from the portal. Nothing is written for the refused requests: the region's view of
 * accounts, help requests and every audit event type (but the refusals that are audited on purpose), the mails, and
 * on PostgreSQL every table (JDBC) are the same after each part as before. Figures: target/security-hostile.txt.
 *
 * <p>Changes no account: y.perrin1 and r.admin1 only sign in and read; their forms get the hostile value in one field
 * with the others left empty (or, where one field alone would be accepted, with an invalid choice in another), so
 * every post is refused; buttons without any field (sign out, disable, re-issue a code, confirm an import…) are
 * never pressed. Each request comes from its own forwarded address (the per-address limits stay out of the way).
 */
@ExtendWith(Portal.class)
@Order(Order.DEFAULT + 20)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    static final String FAMILY = "y.perrin1";
    static final String FAMILY_PASSWORD = "Famille#Perrin2026";
    static final String REGION = "r.admin1";
    static final String REGION_PASSWORD = "Region#Academie2026";

    /**
     * Values tried in each field or parameter: one value of each category, then others drawn with a fixed seed (each
     * part its own seed); with {@link #FULL}, the whole corpus in the
     * anonymous forms and the main entry parameters (reset token, CAS service and ticket).
     */
    static final int SIGNED_IN_SAMPLE = 9;
    /** {@code -Dhostile.full=true}: the whole corpus in the anonymous forms and the main entry parameters. */
    static final boolean FULL = Boolean.getBoolean("hostile.full");
    static final int MAX_PAGES = 30;

    /** Entry points no page links to: mail links, CAS, the waiting room, the status page, error pages. */
    static final List<String> ENTRY_POINTS = List.of("/reset?token=x", "/verify-email?token=x", "/waiting-room?x=1",
            "/status?x=1", "/help?x=1", "/cas/login?service=x&renew=x&gateway=x",
            "/cas/serviceValidate?ticket=x&service=x&renew=x&pgtUrl=x&format=x",
            "/cas/p3/serviceValidate?ticket=x&service=x&renew=x&pgtUrl=x&format=x",
            "/cas/proxyValidate?ticket=x&service=x&pgtUrl=x", "/cas/proxy?pgt=x&targetService=x",
            "/cas/logout?service=x", "/error/stale-form?x=1", "/first-connection?x=1", "/login?x=1");

    /**
     * Never followed nor posted: they end the session, drive the test-only admission controls, or (the service tiles'
     * /cas/login links) issue a ticket for a registered service; /cas/login is fuzzed as an entry point instead.
     */
    static final List<String> NOT_FOLLOWED = List.of("/logout", "/cas/logout", "/cas/login", "/dev/admission",
            "/jakarta.faces.resource",
            "/health", "/metrics", "/openapi");

    /**
     * Forms where the fuzzed field alone, with the others left as the page has them, could be accepted (a free text):
     * this other field gets an invalid choice so that the post is refused after the hostile value was decoded,
     * converted and validated.
     */
    static final Map<String, String> SPOILED = Map.of("missing", "missing:school");

    /** Buttons this test never presses, whatever fields their form has: they act without needing any input. */
    static final List<String> NEVER_PRESSED = List.of("signOutEverywhere", "forgetAllDevices", "forgetDevice", "forget",
            "disable", "enable", "unlock", "reissue", "confirm", "download", "choose", "notMine", "report", "csv", "start");

    /** Fillers for the login form: an unknown identifier and a password, so that the hostile one reaches SignIn. */
    static final Map<String, String> LOGIN_FILLERS = Map.of("identifier", "h.hostile1", "password", "Hostile#Input2026");

    /** Audit events written on purpose for refused requests (and the sign-ins of this class). */
    static final Set<String> AUDITED_REFUSALS = Set.of("SIGN_IN_FAILED", "SIGN_IN_SUCCEEDED", "ACCOUNT_LOCKED",
            "PASSWORD_RESET_REQUESTED", "IDENTIFIER_REMINDER_REQUESTED", "PASSWORD_RESET_REJECTED",
            "EMAIL_VERIFICATION_REJECTED", "WAITING_TICKET_REJECTED", "REMEMBERED_DEVICE_REJECTED",
            "DEVICE_COOKIE_REJECTED", "ADMIN_SCOPE_DENIED", "CAS_SERVICE_REFUSED", "CAS_TICKET_REJECTED",
            "CAS_PROXY_REFUSED", "PASSWORD_CHANGE_REFUSED", "ESTABLISHMENT_CHOICE_REFUSED", "REGISTRY_IMPORT_PREVIEWED",
            "REGISTRY_IMPORT_REJECTED", "CAS_RETURN_REFUSED", "RECOVERY_EMAIL_CHANGE_REFUSED",
            "FORM_TOKEN_REJECTED");

    static final Pattern NONCE = Pattern.compile("PrimeFaces.csp.init\\('([^']+)'\\)");
    static final List<Value> CORPUS = Hostile.corpus();
    static final Hostile.Tally TALLY = new Hostile.Tally();
    static final Set<String> PAGES = new TreeSet<>();
    static final Set<String> FIELDS = new TreeSet<>();
    static final Set<String> PARAMETERS = new TreeSet<>();
    static final long STARTED = System.nanoTime();

    static Session region;
    static Session family;
    static Snapshot before;
    static int reported;

    @BeforeAll
    static void signIn() {
        region = Session.signedIn(REGION, REGION_PASSWORD);
        family = Session.signedIn(FAMILY, FAMILY_PASSWORD);
        before = Snapshot.take(region);
    }

    /**
     * Hostile values typed as the current password on /account count toward the sign-in hold like wrong sign-ins
     * (issue 20, item 4): the region, still signed in, lifts the holds its fuzzing started so that the classes after
     * this one sign y.perrin1 and r.admin1 in.
     */
    @AfterAll
    static void liftTheHoldsTheFuzzingStarted() {
        for (String identifier : List.of(FAMILY, REGION)) {
            String list = region.get("/admin/accounts?identifier=" + identifier).body();
            Matcher row = Pattern.compile("data-identifier=\"" + Pattern.quote(identifier) + "\" data-account=\"(\\d+)\"")
                    .matcher(list);
            assertTrue(row.find(), list);
            String path = "/admin/account?id=" + row.group(1);
            Map<String, String> unlock = AdminLettersIT.Web.form(region.get(path).body(), "unlock", "unlock:submit");
            Answer lifted = region.post(path, "application/x-www-form-urlencoded", Hostile.form(unlock));
            assertEquals(302, lifted.status(), identifier + "'s hold lifted: " + lifted.body());
        }
    }

    @Test
    @Order(1)
    void anonymousPagesFormsAndParameters() {
        fuzzEverything(new Session("anonymous"), List.of("/", "/login", "/help", "/help/password", "/help/identifier",
                "/status"), FULL ? CORPUS : sample(0));
        assertNothingWritten("anonymous pages");
    }

    @Test
    @Order(2)
    void servletEntryPoints() {
        Session anonymous = new Session("anonymous");
        for (String entry : ENTRY_POINTS) {
            fuzzParameters(anonymous, "entry", entry, sample(entry.hashCode()));
        }
        if (FULL) {
            fuzzParameters(anonymous, "entry", "/reset?token=x", CORPUS);
            fuzzParameters(anonymous, "entry", "/cas/login?service=x", CORPUS);
            fuzzParameters(anonymous, "entry", "/cas/serviceValidate?ticket=x", CORPUS);
        }
        fuzzParameters(family, "entry", "/cas/login?service=x&renew=x&gateway=x", sample(1));
        assertNothingWritten("servlet entry points");
    }

    @Test
    @Order(3)
    void familyPagesFormsAndParameters() {
        fuzzEverything(family, List.of("/home", "/account", "/children", "/establishments"), sample(2));
        assertTrue(family.get("/account").status() == 200, "y.perrin1 still signed in (no form signed her out)");
        assertNothingWritten("family pages");
    }

    @Test
    @Order(4)
    void regionPagesFormsAndParameters() {
        fuzzEverything(region, List.of("/admin/index", "/home", "/account"), sample(3));
        assertNothingWritten("region pages");
    }

    @Test
    @Order(5)
    void headersAndCookies() {
        Session anonymous = new Session("anonymous");
        for (Value value : sample(5)) {
            String text = headerSafe(value);
            String page = anonymous.get("/login").body();
            Map<String, String> fields = Http.loginForm(page, "h.hostile2", "Hostile#Input2026");
            for (String header : List.of("User-Agent", "Accept-Language", "X-Forwarded-For")) {
                TALLY.check("header", "POST /login " + header, value, anonymous.post("/login",
                        "application/x-www-form-urlencoded", Hostile.form(fields), header, text));
            }
            for (String cookie : List.of("ent_wait", "ent_remember", "ent_device", "ent_lang", "ent_cas_return")) {
                Session jar = new Session("anonymous");
                jar.cookie(cookie, URLEncoder.encode(value.text(), UTF_8));
                String address = cookie.equals("ent_wait") ? "/waiting-room" : cookie.equals("ent_cas_return")
                        ? "/cas/login?service=https%3A%2F%2Fservice.example%2F" : "/login";
                TALLY.check("cookie", "GET " + address + " cookie " + cookie, value, jar.get(address));
            }
        }
        // the audited user agents and identifiers are shown to the region escaped
        for (String type : List.of("SIGN_IN_FAILED", "ACCOUNT_LOCKED", "PASSWORD_RESET_REQUESTED")) {
            TALLY.check("stored", "GET /admin/audit?type=" + type, null, region.get("/admin/audit?type=" + type));
        }
        assertStoredValuesEscaped(region.get("/admin/audit?type=SIGN_IN_FAILED").body());
        assertNothingWritten("headers and cookies");
    }

    @Test
    @Order(6)
    void registryImportTakesHostileFiles() throws IOException {
        String targets = region.get("/admin/import").body();
        Matcher toulouse = Pattern.compile("/admin/import\\?establishment=(\\d+)\">[^<]*0312289V").matcher(targets);
        assertTrue(toulouse.find(), targets);
        String page = "/admin/import?establishment=" + toulouse.group(1);
        Map<String, byte[]> files = hostileFiles();
        List<Map.Entry<String, String>> uploads = new ArrayList<>();
        files.keySet().forEach(file -> uploads.add(Map.entry(file, "registre.csv")));
        uploads.add(Map.entry("formula-cells", "../../../etc/passwd"));
        uploads.add(Map.entry("formula-cells", "<script>alert('hx1')</script>.csv"));
        uploads.add(Map.entry("formula-cells", "=HYPERLINK(\"http://evil.example\").csv"));
        for (Map.Entry<String, String> upload : uploads) {
            Answer form = region.get(page);
            TALLY.check("import", "GET " + page, null, form);
            Element element = Jsoup.parse(form.body(), Portal.base().toString()).getElementById("upload");
            assertTrue(element != null, "the upload form is on " + page);
            Answer preview = uploadAndWait(page, element, upload.getValue(), files.get(upload.getKey()), form.body());
            Value asValue = new Value("import." + upload.getKey(), upload.getValue(), false);
            TALLY.check("import", "preview of " + upload.getKey() + " named " + upload.getValue(), asValue, preview);
            if (preview.body().contains("result:running")) {
                TALLY.problem("import of " + upload.getKey() + ": no preview nor refusal after 20 s");
            }
            if (preview.body().contains("n’a pas abouti") || preview.body().contains("did not go through")) {
                TALLY.problem("import of " + upload.getKey() + ": an unexpected failure, not a refusal or a preview");
            }
        }
        FIELDS.add("/admin/import upload file (" + uploads.size() + " hostile files)");
        assertNothingWritten("registry import (previews only)");
    }

    @AfterAll
    static void emptyTheWaitingLine() throws IOException {
        new Http().post("/dev/admission", Map.of("reset", "true")); // the forged waiting tickets joined the line
        writeFigures();
    }

    static void writeFigures() throws IOException {
        long seconds = (System.nanoTime() - STARTED) / 1_000_000_000L;
        StringBuilder out = new StringBuilder("# HostileInputIT, ").append(LocalDate.now()).append(", ")
                .append(System.getProperty("ent.test.db.url", "").isBlank() ? "H2" : "PostgreSQL").append('\n');
        out.append("inputs tried: ").append(TALLY.inputs).append('\n');
        out.append("requests: ").append(TALLY.requests).append('\n');
        out.append("answers by status: ").append(TALLY.byStatus).append('\n');
        out.append("inputs by category: ").append(TALLY.byCategory).append('\n');
        out.append("inputs by surface: ").append(TALLY.bySurface).append('\n');
        out.append("corpus values: ").append(CORPUS.size()).append('\n');
        out.append("pages: ").append(PAGES.size()).append(' ').append(PAGES).append('\n');
        out.append("form fields: ").append(FIELDS.size()).append(' ').append(FIELDS).append('\n');
        out.append("URL parameters: ").append(PARAMETERS.size()).append(' ').append(PARAMETERS).append('\n');
        out.append("problems: ").append(TALLY.problems.size()).append('\n');
        TALLY.problems.forEach(p -> out.append("  ").append(p).append('\n'));
        out.append("seconds: ").append(seconds).append('\n');
        Files.writeString(Path.of("target", "security-hostile.txt"), out.toString());
    }

    // ---- discovery and replay -------------------------------------------------------------------------------------

    /** Crawls from the seeds, then replays every form and every URL parameter found with each value. */
    static void fuzzEverything(Session session, List<String> seeds, List<Value> values) {
        Map<String, String> shapes = new LinkedHashMap<>(); // path + parameter names → one address of that shape
        Map<String, Form> forms = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(seeds);
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            String address = queue.remove(0);
            if (!seen.add(address)) {
                continue;
            }
            Answer answer = session.get(address);
            TALLY.check("crawl", session.who + " GET " + address, null, answer);
            if (answer.status() != 200 || !answer.headers().firstValue("Content-Type").orElse("").contains("html")) {
                continue;
            }
            PAGES.add(path(address));
            Document page = Jsoup.parse(answer.body(), Portal.base().toString());
            for (Element link : page.select("a[href]")) {
                String target = local(link.absUrl("href"));
                if (target != null) {
                    shapes.putIfAbsent(shape(target), target);
                    if (seen.size() + queue.size() < MAX_PAGES * 3 && !queue.contains(target)) {
                        queue.add(target);
                    }
                }
            }
            for (Element form : page.select("form")) {
                Form found = Form.of(address, form);
                if (found != null) {
                    if (found.get) {
                        shapes.putIfAbsent(shape(found.getAddress()), found.getAddress());
                    } else {
                        forms.putIfAbsent(found.key(), found);
                    }
                }
            }
        }
        shapes.values().stream().filter(a -> a.contains("?")).forEach(a -> fuzzParameters(session, "parameter", a, values));
        forms.values().forEach(form -> fuzzForm(session, form, values));
    }

    /** GETs the address once per parameter and value, the other parameters as found. */
    static void fuzzParameters(Session session, String surface, String address, List<Value> values) {
        String path = path(address);
        Map<String, String> params = query(address);
        for (String name : params.keySet()) {
            PARAMETERS.add(path + "?" + name);
            Snapshot.Digest digest = Snapshot.Digest.take();
            for (Value value : values) {
                StringBuilder query = new StringBuilder();
                params.forEach((n, v) -> query.append(query.length() == 0 ? "?" : "&")
                        .append(URLEncoder.encode(n, UTF_8)).append('=')
                        .append(n.equals(name) ? value.inUrl() : URLEncoder.encode(v, UTF_8)));
                TALLY.check(surface, session.who + " GET " + path + " " + name, value, session.get(path + query));
            }
            digest.assertSame(session.who + " GET " + path + " " + name);
        }
    }

    /** Posts the form once per field and value, from a fresh copy of its page each time the last answer lost it. */
    static void fuzzForm(Session session, Form form, List<Value> values) {
        Form current = form;
        boolean restored = false;
        for (String field : form.fuzzable) {
            FIELDS.add(path(form.page) + " " + form.id + " " + field);
            Snapshot.Digest digest = Snapshot.Digest.take();
            String what = session.who + " POST " + path(form.page) + " " + form.id + "." + field;
            for (Value value : values) {
                Answer answer = session.post(current.action, current.contentType(), current.body(field, value));
                TALLY.check("form", what, value, answer);
                Form again = answer.status() == 200 ? formIn(form, answer.body()) : null;
                // processed: the form again (a refusal), or the post-redirect-get of an accepted post to its own page
                restored |= again != null || answer.status() / 100 == 3
                        && path(answer.location().replace(Portal.base().toString(), "/")).equals(path(form.page));
                current = again != null ? again : fresh(session, form);
            }
            digest.assertSame(what);
        }
        for (String name : query(form.action).keySet()) {
            PARAMETERS.add(path(form.action) + "?" + name + " (POST)");
            for (Value value : values) {
                Form page = fresh(session, form);
                Map<String, String> params = query(page.action);
                StringBuilder address = new StringBuilder(path(page.action));
                params.forEach((n, v) -> address.append(address.indexOf("?") < 0 ? "?" : "&").append(URLEncoder.encode(n, UTF_8))
                        .append('=').append(n.equals(name) ? value.inUrl() : URLEncoder.encode(v, UTF_8)));
                String first = page.fuzzable.get(0);
                String what = session.who + " POST " + path(page.action) + "?" + name;
                TALLY.check("form", what, value, session.post(address.toString(), page.contentType(),
                        page.body(first, new Value("plain.value", page.hidden.getOrDefault(first, ""), false))));
            }
        }
        if (!restored && !form.fuzzable.isEmpty() && form.hidden.containsKey("jakarta.faces.ViewState")) {
            TALLY.problem(form.page + " " + form.id + ": no post was ever answered with its form again: the hostile"
                    + " values may never have reached the fields");
        }
    }

    static Form fresh(Session session, Form form) {
        Answer page = session.get(form.page);
        Form again = page.status() == 200 ? formIn(form, page.body()) : null;
        if (again == null) {
            throw new IllegalStateException("The form " + form.id + " is no longer on " + form.page + ": " + page.status());
        }
        return again;
    }

    static Form formIn(Form form, String body) {
        Document page = Jsoup.parse(body, Portal.base().toString());
        for (Element element : page.select("form")) {
            Form found = Form.of(form.page, element);
            if (found != null && found.key().equals(form.key())) {
                return found;
            }
        }
        return null;
    }

    /** A form as the page has it: where it goes, its hidden inputs, its fields and the button that sends it. */
    static final class Form {
        final String page;
        final String id;
        final String action;
        final boolean get;
        final Map<String, String> hidden = new LinkedHashMap<>();
        final Map<String, String> selects = new LinkedHashMap<>();
        final List<String> fuzzable = new ArrayList<>();
        String button;
        private final String boundary = "----hostile" + Long.toHexString(new Random(7).nextLong());

        private Form(String page, String id, String action, boolean get) {
            this.page = page;
            this.id = id;
            this.action = action;
            this.get = get;
        }

        /** The form, or null when it is never sent by this test (sign-out, test-only controls, file uploads). */
        static Form of(String page, Element element) {
            String action = local(element.absUrl("action"));
            if (action == null || element.hasAttr("enctype") && element.attr("enctype").contains("multipart")) {
                return null;
            }
            Form form = new Form(page, element.id().isEmpty() ? path(action) : element.id(), action,
                    element.attr("method").equalsIgnoreCase("get"));
            for (Element input : element.select("input[name], textarea[name], select[name], button[name]")) {
                String name = input.attr("name");
                String type = input.tagName().equals("input") ? input.attr("type").toLowerCase() : input.tagName();
                boolean internal = name.startsWith("jakarta.faces.") || name.equals("primefaces.nonce")
                        || name.equals(form.id) || name.equals("jfwid");
                if (type.equals("submit") || type.equals("button")) {
                    String last = name.substring(name.lastIndexOf(':') + 1);
                    if (form.button == null && !internal && !input.attr("type").equals("button")
                            && !NEVER_PRESSED.contains(last)) {
                        form.button = name;
                        if (!input.val().isEmpty()) {
                            form.fuzzable.add(name); // a named button with a value (the language switch)
                            form.hidden.put(name, input.val());
                        }
                    }
                } else if (type.equals("file") || type.equals("image") || type.equals("reset")) {
                    return null;
                } else if (internal) {
                    form.hidden.put(name, input.val());
                } else if (type.equals("select")) {
                    Element chosen = input.selectFirst("option[selected]");
                    chosen = chosen == null ? input.selectFirst("option") : chosen;
                    form.selects.put(name, chosen == null ? "" : chosen.val());
                    form.fuzzable.add(name);
                } else if (!form.fuzzable.contains(name)) {
                    form.fuzzable.add(name);
                    if (type.equals("hidden")) {
                        form.hidden.put(name, input.val());
                    }
                }
            }
            Matcher nonce = NONCE.matcher(element.ownerDocument().html());
            if (nonce.find()) {
                form.hidden.put("primefaces.nonce", nonce.group(1));
            }
            if (element.select("input[name=jakarta.faces.ViewState]").size() > 0) {
                form.hidden.put(form.id, form.id);
            }
            return form.fuzzable.isEmpty() && !form.get ? null : form;
        }

        /** A Faces form is one of its page; a plain one (the language switch, in every page's header) is one. */
        String key() {
            return (hidden.containsKey("jakarta.faces.ViewState") ? path(page) : "") + "#" + id;
        }

        String getAddress() {
            StringBuilder query = new StringBuilder(action.contains("?") ? action : action + "?");
            for (String field : fuzzable) {
                query.append(query.charAt(query.length() - 1) == '?' ? "" : "&").append(URLEncoder.encode(field, UTF_8))
                        .append('=').append(URLEncoder.encode(selects.getOrDefault(field, ""), UTF_8));
            }
            return query.toString();
        }

        String contentType() {
            return "application/x-www-form-urlencoded";
        }

        /** The body with {@code value} in {@code field}; the other fields empty, the hidden ones as the page has them. */
        byte[] body(String field, Value value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> fields = new LinkedHashMap<>(hidden);
            selects.forEach(fields::putIfAbsent);
            if (id.equals("login")) {
                LOGIN_FILLERS.forEach((name, filler) -> fields.put(name, name.equals(field) ? "" : filler));
            }
            String spoiled = SPOILED.get(id);
            if (spoiled != null && !spoiled.equals(field)) {
                fields.put(spoiled, "hostile-not-a-choice");
            }
            fields.remove(field);
            if (button != null && !fields.containsKey(button) && !button.equals(field)) {
                fields.put(button, "");
            }
            fields.forEach((name, text) -> {
                out.writeBytes((out.size() == 0 ? "" : "&").getBytes(ISO_8859_1));
                out.writeBytes((URLEncoder.encode(name, UTF_8) + "=" + URLEncoder.encode(text, UTF_8)).getBytes(ISO_8859_1));
            });
            out.writeBytes(((out.size() == 0 ? "" : "&") + URLEncoder.encode(field, UTF_8) + "=").getBytes(ISO_8859_1));
            out.writeBytes(value.inForm());
            return out.toByteArray();
        }

        /** A multipart body: the hidden fields, the file, and the button. */
        byte[] multipart(String fileField, String fileName, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, String> fields = new LinkedHashMap<>(hidden);
            if (button != null) {
                fields.put(button, "");
            }
            fields.forEach((name, text) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + text + "\r\n").getBytes(UTF_8)));
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName.replace("\"", "%22") + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(UTF_8));
            out.writeBytes(content);
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
            return out.toByteArray();
        }

        String multipartType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    // ---- registry import ------------------------------------------------------------------------------------------

    static Map<String, byte[]> hostileFiles() throws IOException {
        String header = "Identifiant élève;Nom;Prénom;Date de naissance;Division\r\n";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("formula-cells", (header + "=HYPERLINK(\"http://evil.example\");+cmd|' /C calc'!A0;@SUM(1);-1+1;1re 2\r\n"
                + "900777;\u2003=1+1;Zoé;01/02/2010;1re 2\r\n").getBytes(UTF_8));
        files.put("broken-utf8", concat(header.getBytes(UTF_8), new byte[] {'9', ';', (byte) 0xC3, '(', ';', (byte) 0xFF,
                ';', (byte) 0xC0, (byte) 0xAF, ';', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\r', '\n'}));
        files.put("script-and-sql", (header + "900778;<script>alert('hx1')</script>;' OR 1=1--;01/02/2010;"
                + "\"><img src=x onerror=alert('hx2')>\r\n").getBytes(UTF_8));
        files.put("nul-and-controls", (header + "900779;Ro\u0000ux;Z\u0007oé;01/02/2010;1re 2\r\n").getBytes(UTF_8));
        files.put("ten-thousand-columns", (header.strip() + ";x".repeat(10_000) + "\r\n" + "1;a".repeat(5_000) + "\r\n")
                .getBytes(UTF_8));
        files.put("huge-line", (header + "900780;" + "a".repeat(2_000_000) + ";Zoé;01/02/2010;1re 2\r\n").getBytes(UTF_8));
        files.put("comma-separated", header.replace(';', ',').concat("900781,Roux,Zoé,01/02/2010,1re 2\r\n").getBytes(UTF_8));
        files.put("tab-separated", header.replace(';', '\t').concat("900782\tRoux\tZoé\t01/02/2010\t1re 2\r\n")
                .getBytes(UTF_8));
        files.put("unclosed-quote", (header + "900783;\"Roux;Zoé;01/02/2010;1re 2\r\n").getBytes(UTF_8));
        files.put("utf16", (header + "900784;Roux;Zoé;01/02/2010;1re 2\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_16));
        files.put("binary", new Random(10).ints(4096, 0, 256).collect(ByteArrayOutputStream::new,
                (o, b) -> o.write(b), (a, b) -> a.writeBytes(b.toByteArray())).toByteArray());
        files.put("empty", new byte[0]);
        files.put("over-the-size-limit", ("x".repeat(9 * 1024 * 1024)).getBytes(UTF_8));
        files.put("path-traversal-cells", (header + "../../etc/passwd;%2e%2e%2f;/WEB-INF/web.xml;01/02/2010;1re 2\r\n")
                .getBytes(UTF_8));
        return files;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Uploads the file, then polls the page as its script does until the preview (or the refusal) is shown. */
    static Answer uploadAndWait(String page, Element upload, String name, byte[] content, String body) {
        Form form = multipartForm(page, upload, body);
        Answer answer = region.post(form.action, form.multipartType(),
                form.multipart(upload.selectFirst("input[type=file]").attr("name"), name, content));
        String state = form.hidden.getOrDefault("jakarta.faces.ViewState", "");
        for (int i = 0; i < 80 && answer.status() == 200 && answer.body().contains("id=\"result:running\""); i++) {
            sleep(250);
            answer = poll(page, answer.body(), state, form.hidden.get("primefaces.nonce"));
        }
        return answer;
    }

    static Form multipartForm(String page, Element upload, String body) {
        Form form = new Form(page, upload.id(), local(upload.absUrl("action")), false);
        for (Element input : upload.select("input[type=hidden][name]")) {
            form.hidden.put(input.attr("name"), input.val());
        }
        form.hidden.put(upload.id(), upload.id());
        Matcher nonce = NONCE.matcher(body);
        if (nonce.find()) {
            form.hidden.put("primefaces.nonce", nonce.group(1));
        }
        Element button = upload.selectFirst("button[type=submit][name]");
        form.button = button == null ? null : button.attr("name");
        return form;
    }

    /** The page's p:poll as PrimeFaces sends it (a partial request); answers the page with the new result form. */
    static Answer poll(String page, String body, String state, String nonce) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "result:poll");
        fields.put("jakarta.faces.partial.execute", "result:poll");
        fields.put("jakarta.faces.partial.render", "result");
        fields.put("result:poll", "result:poll");
        fields.put("result", "result");
        fields.put("jakarta.faces.ViewState", state);
        if (nonce != null) {
            fields.put("primefaces.nonce", nonce);
        }
        Answer partial = region.post(page, "application/x-www-form-urlencoded", Hostile.form(fields),
                "Faces-Request", "partial/ajax");
        TALLY.check("import", "poll of " + page, null, partial);
        Matcher update = Pattern.compile("<update id=\"result\"><!\\[CDATA\\[(.*?)]]></update>", Pattern.DOTALL)
                .matcher(partial.body());
        if (!update.find()) {
            return partial;
        }
        Document merged = Jsoup.parse(body, Portal.base().toString());
        Element result = merged.getElementById("result");
        if (result != null) {
            result.html(Jsoup.parseBodyFragment(update.group(1)).body().child(0).html());
        }
        return new Answer(partial.status(), partial.headers(), merged.outerHtml());
    }

    // ---- nothing written ------------------------------------------------------------------------------------------

    static void assertNothingWritten(String part) {
        try {
            writeFigures();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Snapshot after = Snapshot.take(region);
        List<String> changed = before.differences(after);
        before = after;
        assertTrue(changed.isEmpty(), part + ": written for refused requests: " + changed);
        List<String> problems = List.copyOf(TALLY.problems.subList(reported, TALLY.problems.size()));
        reported = TALLY.problems.size();
        assertTrue(problems.isEmpty(), part + ": " + problems.size() + " problems, first ones:\n"
                + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
    }

    static void assertStoredValuesEscaped(String auditPage) {
        for (Value value : CORPUS) {
            for (String live : value.mustNotAppear()) {
                assertTrue(!auditPage.contains(live), "the audit log shows live markup: " + live);
            }
        }
    }

    /**
     * What the region sees of the data (accounts, help requests, each audit event type but the refusals audited on
     * purpose), the mails delivered, and on PostgreSQL a digest of every table.
     */
    record Snapshot(Map<String, String> figures) {

        static Snapshot take(Session region) {
            Map<String, String> figures = new TreeMap<>();
            figures.put("accounts", count(region.get("/admin/accounts").body(), "accounts-count"));
            figures.put("help requests", String.valueOf(
                    Pattern.compile("data-request=\"").matcher(region.get("/admin/help-requests").body()).results().count()));
            String audit = region.get("/admin/audit").body();
            for (Element option : Jsoup.parse(audit).select("select#type option[value]")) {
                String type = option.val();
                if (!type.isEmpty() && !AUDITED_REFUSALS.contains(type)) {
                    figures.put("audit " + type, count(region.get("/admin/audit?type=" + type).body(), "audit-count"));
                }
            }
            figures.put("mails delivered", String.valueOf(Portal.mail().getReceivedMessages().length));
            figures.putAll(Digest.take().tables);
            return new Snapshot(figures);
        }

        static String count(String page, String id) {
            Matcher count = Pattern.compile("id=\"" + id + "\"[^>]*data-count=\"(\\d+)\"").matcher(page);
            assertTrue(count.find(), "no " + id + " on the page");
            return count.group(1);
        }

        List<String> differences(Snapshot after) {
            List<String> changed = new ArrayList<>();
            figures.forEach((name, value) -> {
                if (!value.equals(after.figures.get(name)) && !name.startsWith("table registry_import")) {
                    changed.add(name + ": " + value + " → " + after.figures.get(name));
                }
            });
            return changed;
        }

        /** On PostgreSQL, each table's row count and content digest (audit events aside); empty on H2. */
        record Digest(Map<String, String> tables) {

            static Digest take() {
                String url = System.getProperty("ent.test.db.url", "");
                Map<String, String> tables = new TreeMap<>();
                if (url.isBlank()) {
                    return new Digest(tables);
                }
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(url,
                        System.getProperty("ent.test.db.user", "postgres"), System.getProperty("ent.test.db.password", ""));
                     java.sql.Statement s = c.createStatement()) {
                    List<String> names = new ArrayList<>();
                    try (java.sql.ResultSet r = s.executeQuery("select table_name from information_schema.tables"
                            + " where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
                        while (r.next()) {
                            names.add(r.getString(1));
                        }
                    }
                    for (String table : names) {
                        // form_submission: a help form acted on (its hash and a 2-minute expiry, never what was
                        // typed), written for any accepted help request within the address's budget, as its audit
                        // event is; it only makes a copy of the same form a repeat (FormSubmissions)
                        if (table.equals("audit_event") || table.equals("registry_import")
                                || table.equals("form_submission")) {
                            continue;
                        }
                        try (java.sql.ResultSet r = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|'"
                                + " order by t::text), '')) from " + table + " t")) {
                            r.next();
                            tables.put("table " + table, r.getLong(1) + " rows " + r.getString(2));
                        }
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return new Digest(tables);
            }

            void assertSame(String what) {
                if (!tables.isEmpty()) {
                    Digest after = take();
                    if (!after.tables.equals(tables)) {
                        Map<String, String> changed = new TreeMap<>(after.tables);
                        changed.entrySet().removeIf(e -> e.getValue().equals(tables.get(e.getKey())));
                        TALLY.problem(what + ": tables written: " + changed.keySet());
                    }
                }
            }
        }
    }

    // ---- addresses ------------------------------------------------------------------------------------------------

    /** The path and query of a same-site address that this test may follow; null for anything else. */
    static String local(String absolute) {
        if (absolute == null || !absolute.startsWith(Portal.base().toString())) {
            return null;
        }
        String local = "/" + absolute.substring(Portal.base().toString().length());
        int fragment = local.indexOf('#');
        local = fragment >= 0 ? local.substring(0, fragment) : local;
        for (String never : NOT_FOLLOWED) {
            if (local.equals(never) || local.startsWith(never + "/") || local.startsWith(never + "?")) {
                return null;
            }
        }
        return local;
    }

    static String path(String address) {
        int query = address.indexOf('?');
        return query < 0 ? address : address.substring(0, query);
    }

    static Map<String, String> query(String address) {
        Map<String, String> params = new LinkedHashMap<>();
        int start = address.indexOf('?');
        if (start < 0) {
            return params;
        }
        for (String pair : address.substring(start + 1).split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.put(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8),
                        eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), UTF_8));
            }
        }
        return params;
    }

    static String shape(String address) {
        return path(address) + new TreeSet<>(query(address).keySet());
    }

    /** One value of each category, then others drawn with a fixed seed, {@link #SIGNED_IN_SAMPLE} in all. */
    static List<Value> sample(long seed) {
        Map<String, Value> firstOfEach = new LinkedHashMap<>();
        CORPUS.forEach(v -> firstOfEach.putIfAbsent(v.category(), v));
        List<Value> sample = new ArrayList<>(firstOfEach.values());
        List<Value> others = new ArrayList<>(CORPUS);
        others.removeAll(sample);
        java.util.Collections.shuffle(others, new Random(seed));
        sample.addAll(others.subList(0, Math.max(0, Math.min(others.size(), SIGNED_IN_SAMPLE - sample.size()))));
        return sample;
    }

    /** Header values cannot carry CR, LF or NUL (the client refuses them): those are replaced by their escapes. */
    static String headerSafe(Value value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.text().toCharArray()) {
            out.append(c < 0x20 || c == 0x7f || c > 0xff ? String.format("%%%02X", (int) c & 0xff) : String.valueOf(c));
        }
        String text = out.toString().strip();
        return text.isEmpty() ? "-" : text.length() > 8000 ? text.substring(0, 8000) : text;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
