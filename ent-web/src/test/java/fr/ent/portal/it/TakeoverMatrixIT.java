package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import fr.ent.portal.it.AdminLettersIT.Web;

/**
 * The takeover matrix (issue 20, item 1), black-box: every actor (p.petit1, principal teacher of the lycée's 2nde B;
 * a.moreau1, school admin of the lycée; b.garnier1, school admin of the collège; r.admin1, the region) × every target
 * kind (a pupil of 2nde B, a representative with a child in one establishment, one with children in two, a teacher of
 * the lycée, a teacher of the lycée and the collège, the collège's school admin: the demo data's matrix targets, all
 * with a known password and a verified email) × every action (view the detail page, one-account letter, disable,
 * unlock, set and clear the recovery email; and the class print of 2nde B with each audience). Refused cells are tried
 * first, as a forger would (the form of an account of the actor's own scope, posted to the target's address): they
 * answer 404 (or offer no form), leave {@code ADMIN_SCOPE_DENIED} when they reach the server, and change nothing: the
 * account's version is the same and the target still signs in with its password. Then the allowed cells act. A
 * representative with children in two establishments is told by mail when one school re-issues their code, and the
 * other school's audit log shows it. Figures: {@code target/security-takeover.txt}.
 * <p>
 * Accounts: the matrix targets (t.vidal1, r.caron1, n.vidal1, j.blanc1, m.colin1, s.roy1; no other class uses them)
 * end enabled, without email, with a new code. The allowed class prints re-issue the codes of 2nde B's pupils and
 * representatives (l.martin1, h.lefebvre1, t.bernard1, s.bernard1 too), hence the class's place near the end.
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 34)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TakeoverMatrixIT {

    static final String PETIT = "p.petit1";
    static final String MOREAU = "a.moreau1";
    static final String GARNIER = "b.garnier1";
    static final String REGION = "r.admin1";
    static final List<String> ACTORS = List.of(PETIT, MOREAU, GARNIER, REGION);
    static final Map<String, String> PASSWORDS = Map.of(PETIT, "Tableau#Noir2026", MOREAU, "Registre#Lycee2026",
            GARNIER, "Registre#College2026", REGION, "Region#Academie2026");
    static final String TARGET_PASSWORD = "Matrice#Cible2026";

    static final String PUPIL = "t.vidal1";
    static final String FAMILY_ONE = "r.caron1";
    static final String FAMILY_TWO = "n.vidal1";
    static final String TEACHER = "j.blanc1";
    static final String TEACHER_TWO = "m.colin1";
    static final String OTHER_ADMIN = "s.roy1";
    static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put(PUPIL, "pupil of 2nde B (lycée)");
        TARGETS.put(FAMILY_ONE, "representative, child in one establishment");
        TARGETS.put(FAMILY_TWO, "representative, children in two establishments");
        TARGETS.put(TEACHER, "teacher of the lycée");
        TARGETS.put(TEACHER_TWO, "teacher of the lycée and the collège");
        TARGETS.put(OTHER_ADMIN, "school admin of the collège");
    }

    enum Act { VIEW, LETTER, DISABLE, UNLOCK, SET_EMAIL, CLEAR_EMAIL }

    /** What each actor may do to each target; VIEW without the rest is a view without sign-in addresses. */
    static final Map<String, Map<String, Set<Act>>> ALLOWED = Map.of(
            PETIT, Map.of(PUPIL, EnumSet.of(Act.VIEW, Act.LETTER), FAMILY_ONE, EnumSet.of(Act.VIEW),
                    FAMILY_TWO, EnumSet.of(Act.VIEW)),
            MOREAU, Map.of(PUPIL, EnumSet.allOf(Act.class), FAMILY_ONE, EnumSet.allOf(Act.class),
                    FAMILY_TWO, EnumSet.allOf(Act.class), TEACHER, EnumSet.allOf(Act.class),
                    TEACHER_TWO, EnumSet.of(Act.VIEW)),
            GARNIER, Map.of(FAMILY_TWO, EnumSet.allOf(Act.class), TEACHER_TWO, EnumSet.of(Act.VIEW),
                    OTHER_ADMIN, EnumSet.allOf(Act.class)),
            REGION, Map.of(PUPIL, EnumSet.allOf(Act.class), FAMILY_ONE, EnumSet.allOf(Act.class),
                    FAMILY_TWO, EnumSet.allOf(Act.class), TEACHER, EnumSet.allOf(Act.class),
                    TEACHER_TWO, EnumSet.allOf(Act.class), OTHER_ADMIN, EnumSet.allOf(Act.class)));

    /** Class print of the lycée's 2nde B: who may print which audience. */
    static final Map<String, Set<String>> PRINTS = Map.of(PETIT, Set.of("PUPILS"),
            MOREAU, Set.of("PUPILS", "REPRESENTATIVES", "BOTH"), GARNIER, Set.of(),
            REGION, Set.of("PUPILS", "REPRESENTATIVES", "BOTH"));
    static final List<String> AUDIENCES = List.of("PUPILS", "REPRESENTATIVES", "BOTH");

    /** An account of each actor's own scope whose page carries the forms a forger copies. */
    static final Map<String, String> OWN = Map.of(PETIT, PUPIL, MOREAU, PUPIL, GARNIER, FAMILY_TWO);

    static final Map<String, Web> SESSIONS = new LinkedHashMap<>();
    static final Map<String, String> IDS = new LinkedHashMap<>();
    static final StringBuilder REPORT = new StringBuilder();
    static final AtomicInteger ADDRESS = new AtomicInteger();
    static String lycee;
    static String college;
    static int tested;
    static int allowed;
    static int refused;

    @BeforeAll
    static void signInAndFindTheIds() {
        SESSIONS.clear();
        for (String actor : ACTORS) {
            SESSIONS.put(actor, Web.signedIn(actor, PASSWORDS.get(actor), "198.51.100.240"));
        }
        for (String identifier : List.of(PUPIL, FAMILY_ONE, FAMILY_TWO, TEACHER, TEACHER_TWO, OTHER_ADMIN,
                "s.bernard1")) {
            IDS.put(identifier, AdminAccessIT.accountId(region(), identifier));
        }
        lycee = establishmentId(SESSIONS.get(MOREAU));
        college = establishmentId(SESSIONS.get(GARNIER));
    }

    @AfterAll
    static void report() throws IOException {
        REPORT.insert(0, String.format("takeover matrix: cells %d, allowed (acted) %d, refused (nothing changed) %d%n",
                tested, allowed, refused));
        Files.writeString(Path.of("target", "security-takeover.txt"), REPORT.toString());
        System.out.println(REPORT);
    }

    // ---- 0. the notice of a re-issue by another school is in the person's language -----------------------------

    /**
     * Issue 20, item 1: a person told that another establishment re-issued their code reads it in the language they
     * used the portal in (here the first connection of an English-speaking parent), not the school's. The family is
     * given its password back in French afterwards (the matrix reads French notices).
     */
    @Test
    @Order(0)
    void theNoticeOfAReissueElsewhereIsInThePersonsLanguage() throws Exception {
        String id = IDS.get(FAMILY_TWO);
        String code = letter(REGION, id, FAMILY_TWO);
        OwnAccount.completeFirstConnection(FAMILY_TWO, code, TARGET_PASSWORD, null,
                "X-Forwarded-For", "198.51.100.241", "Accept-Language", "en-GB,en;q=0.8");
        int mails = Mailbox.to(FAMILY_TWO + "@example.org", "").size();
        String again = letter(GARNIER, id, FAMILY_TWO);
        jakarta.mail.internet.MimeMessage notice = Mailbox.await(FAMILY_TWO + "@example.org", "", mails);
        String subject = notice.getSubject();
        OwnAccount.completeFirstConnection(FAMILY_TWO, again, TARGET_PASSWORD, null,
                "X-Forwarded-For", "198.51.100.242", "Accept-Language", "fr-FR,fr;q=0.9");
        assertEquals("New ENT activation letter", subject, "the notice speaks the parent's language");
        assertTrue(Mailbox.body(notice).contains("Jules Ferry"),
                Mailbox.body(notice));
        assertTrue(signsIn(FAMILY_TWO), "the family signs in with its password again");
    }

    // ---- 1. the reported takeover and the other refused class prints -------------------------------------------

    @Test
    @Order(1)
    void refusedClassPrintsChangeNobody() {
        List<Executable> cells = new ArrayList<>();
        List<String> witnesses = List.of(PUPIL, FAMILY_ONE, FAMILY_TWO, "s.bernard1");
        for (String actor : ACTORS) {
            for (String audience : AUDIENCES) {
                if (PRINTS.get(actor).contains(audience)) {
                    continue;
                }
                Map<String, String> before = versions(witnesses);
                int denied = deniedCount(actor);
                HttpResponse<String> answer = startPrint(actor, audience);
                pause();
                Map<String, String> after = versions(witnesses);
                boolean changed = !before.equals(after);
                boolean audited = deniedCount(actor) > denied;
                boolean signsIn = signsIn(FAMILY_ONE) && signsIn(FAMILY_TWO) && signsIn(PUPIL);
                cell(cells, actor, "class print 2nde B " + audience, "class", false, true, changed, audited, signsIn,
                        answer.statusCode());
            }
        }
        assertAll(cells);
    }

    // ---- 2. every refused cell on every target ----------------------------------------------------------------

    @Test
    @Order(2)
    void refusedCellsChangeNothingAndTheTargetStillSignsIn() {
        List<Executable> cells = new ArrayList<>();
        for (String target : TARGETS.keySet()) {
            assertTrue(signsIn(target), target + " signs in with its password before the matrix");
            for (String actor : ACTORS) {
                Set<Act> may = ALLOWED.get(actor).getOrDefault(target, Set.of());
                for (Act act : Act.values()) {
                    if (may.contains(act)) {
                        continue;
                    }
                    String id = IDS.get(target);
                    String before = version(id);
                    String emailBefore = email(id);
                    int denied = deniedCount(actor);
                    HttpResponse<String> answer = attempt(actor, act, target);
                    String after = version(id);
                    boolean changed = !before.equals(after) || !emailBefore.equals(email(id));
                    boolean audited = deniedCount(actor) > denied;
                    boolean signsIn = signsIn(target);
                    // a refusal reaches the server (404, audited) unless no form was offered at all
                    boolean mustAudit = answer.statusCode() == 404 || act == Act.VIEW || act == Act.LETTER;
                    cell(cells, actor, act + " " + target, target, false, mustAudit, changed, audited, signsIn,
                            answer.statusCode());
                    if (act == Act.VIEW || act == Act.LETTER) { // the page itself is refused, not only its form
                        int status = answer.statusCode();
                        cells.add(() -> assertEquals(404, status, actor + " may not " + act + " " + target));
                    }
                }
            }
        }
        assertAll(cells);
    }

    /** A view without the right to act shows no sign-in addresses (principal teacher on a family, office on staff). */
    @Test
    @Order(3)
    void viewOnlyCellsShowNoSignInAddresses() {
        List<Executable> cells = new ArrayList<>();
        for (String actor : ACTORS) {
            for (Map.Entry<String, Set<Act>> entry : ALLOWED.get(actor).entrySet()) {
                if (!entry.getValue().equals(EnumSet.of(Act.VIEW))) {
                    continue;
                }
                String target = entry.getKey();
                String path = "/admin/account?id=" + IDS.get(target);
                String regionPage = region().get(path).body();
                HttpResponse<String> page = SESSIONS.get(actor).get(path);
                boolean addresses = page.body().contains("203.0.113.");
                tested++;
                allowed++;
                REPORT.append(String.format("%-10s %-32s %-8s status %d%s%n", actor, "VIEW (no addresses) " + target,
                        "allowed", page.statusCode(), addresses ? ", ADDRESSES SHOWN" : ""));
                cells.add(() -> assertTrue(regionPage.contains("203.0.113."), "the region sees " + target
                        + "'s sign-in addresses"));
                cells.add(() -> assertEquals(200, page.statusCode(), actor + " views " + target));
                cells.add(() -> assertFalse(addresses, actor + " sees no sign-in address of " + target));
                cells.add(() -> assertFalse(page.body().contains("<form id=\"disable\""), actor + " may not act on "
                        + target));
            }
        }
        assertAll(cells);
    }

    // ---- 3. the allowed cells act ----------------------------------------------------------------------------

    @Test
    @Order(4)
    void allowedCellsAct() throws Exception {
        List<Executable> cells = new ArrayList<>();
        // view, unlock, disable and enable again
        for (String target : TARGETS.keySet()) {
            String id = IDS.get(target);
            for (String actor : actorsAllowed(target, Act.VIEW)) {
                if (ALLOWED.get(actor).get(target).size() == 1) {
                    continue; // a view without the right to act: viewOnlyCellsShowNoSignInAddresses
                }
                HttpResponse<String> page = SESSIONS.get(actor).get("/admin/account?id=" + id);
                cell(cells, actor, "VIEW " + target, target, true, false, page.statusCode() == 200
                        && page.body().contains("203.0.113."), false, true, page.statusCode());
            }
            for (String actor : actorsAllowed(target, Act.UNLOCK)) {
                HttpResponse<String> answer = post(actor, "/admin/account?id=" + id, "unlock", "unlock:submit", Map.of());
                cell(cells, actor, "UNLOCK " + target, target, true, false, answer.statusCode() == 302, false, true,
                        answer.statusCode());
            }
            for (String actor : actorsAllowed(target, Act.DISABLE)) {
                String before = version(id);
                HttpResponse<String> answer = post(actor, "/admin/account?id=" + id, "disable", "disable:submit", Map.of());
                boolean disabled = status(id).equals("DISABLED") && !before.equals(version(id));
                boolean lockedOut = !signsIn(target);
                HttpResponse<String> again = post(actor, "/admin/account?id=" + id, "enable", "enable:submit", Map.of());
                cell(cells, actor, "DISABLE " + target, target, true, false,
                        answer.statusCode() == 302 && disabled && lockedOut, false, true, answer.statusCode());
                cell(cells, actor, "ENABLE " + target, target, true, false,
                        again.statusCode() == 302 && !status(id).equals("DISABLED"), false, true, again.statusCode());
            }
        }
        // one letter each (the password stops working); a family of two establishments is told, both logs show it
        for (String target : TARGETS.keySet()) {
            String id = IDS.get(target);
            for (String actor : actorsAllowed(target, Act.LETTER)) {
                int mails = Mailbox.to(target + "@example.org", "Nouvelle lettre").size();
                String before = version(id);
                HttpResponse<String> page = SESSIONS.get(actor).get("/admin/letters?account=" + id);
                byte[] pdf = SESSIONS.get(actor).postForBytes("/admin/letters?account=" + id,
                        Web.form(page.body(), "letter", "letter:reissue"));
                String code = AdminLettersIT.codesByIdentifier(pdf, 1).get(target);
                boolean acted = code != null && !before.equals(version(id)) && !signsIn(target);
                cell(cells, actor, "LETTER " + target, target, true, false, acted, false, true, page.statusCode());
                boolean told = !actor.equals(REGION) && target.equals(FAMILY_TWO);
                if (told) {
                    String body = Mailbox.body(Mailbox.await(target + "@example.org", "Nouvelle lettre", mails));
                    String school = actor.equals(MOREAU) ? "Camille Claudel" : "Jules Ferry";
                    cells.add(() -> assertTrue(body.contains(school) && !body.contains(code),
                            "the mail names the school and holds no code: " + body));
                    String other = actor.equals(MOREAU) ? GARNIER : MOREAU;
                    cells.add(() -> assertTrue(auditCount(other, "ADMIN_CODE_REISSUED_ELSEWHERE", target) > 0,
                            other + "'s audit log shows the re-issue by " + actor));
                    cells.add(() -> assertTrue(auditCount(other, "ADMIN_CODE_REISSUED", target) > 0,
                            other + "'s audit log shows " + actor + "'s ADMIN_CODE_REISSUED"));
                } else {
                    Thread.sleep(300);
                    int now = Mailbox.to(target + "@example.org", "Nouvelle lettre").size();
                    cells.add(() -> assertEquals(mails, now, "no notice to " + target + " after " + actor + "'s letter"));
                }
            }
        }
        // class prints of 2nde B
        for (String actor : ACTORS) {
            for (String audience : AUDIENCES) {
                if (!PRINTS.get(actor).contains(audience)) {
                    continue;
                }
                Map<String, String> before = versions(List.of(PUPIL, FAMILY_ONE, FAMILY_TWO));
                HttpResponse<String> answer = startPrint(actor, audience);
                boolean pupils = !audience.equals("REPRESENTATIVES");
                boolean families = !audience.equals("PUPILS");
                Map<String, String> after = awaitChange(before, pupils ? PUPIL : FAMILY_ONE);
                boolean acted = !before.get(PUPIL).equals(after.get(PUPIL)) == pupils
                        && !before.get(FAMILY_ONE).equals(after.get(FAMILY_ONE)) == families
                        && !before.get(FAMILY_TWO).equals(after.get(FAMILY_TWO)) == families;
                cell(cells, actor, "class print 2nde B " + audience, "class", true, false, acted, false, true,
                        answer.statusCode());
            }
        }
        // the recovery email, set then cleared
        for (String target : TARGETS.keySet()) {
            String id = IDS.get(target);
            for (String actor : actorsAllowed(target, Act.SET_EMAIL)) {
                String typed = "set-by-" + actor.replace('.', '-') + "@example.org";
                HttpResponse<String> set = post(actor, "/admin/account?id=" + id, "emailForm", "emailForm:submit",
                        Map.of("emailForm:email", typed));
                cell(cells, actor, "SET_EMAIL " + target, target, true, false,
                        set.statusCode() == 302 && email(id).equals(typed), false, true, set.statusCode());
                HttpResponse<String> cleared = post(actor, "/admin/account?id=" + id, "clearEmail",
                        "clearEmail:submit", Map.of());
                cell(cells, actor, "CLEAR_EMAIL " + target, target, true, false,
                        cleared.statusCode() == 302 && email(id).isEmpty(), false, true, cleared.statusCode());
            }
        }
        assertAll(cells);
    }

    // ---- cells ------------------------------------------------------------------------------------------------

    /**
     * Records one cell. An allowed one must have acted ({@code changedOrActed}); a refused one must have changed
     * nothing, left its target able to sign in, and (when it reached the server) an {@code ADMIN_SCOPE_DENIED}.
     */
    private static void cell(List<Executable> cells, String actor, String what, String target, boolean mayAct,
                             boolean mustAudit, boolean changedOrActed, boolean audited, boolean signsIn, int status) {
        tested++;
        if (mayAct) {
            allowed++;
        } else {
            refused++;
        }
        REPORT.append(String.format("%-10s %-32s %-8s status %d%s%s%s%n", actor, what, mayAct ? "allowed" : "refused",
                status, changedOrActed ? (mayAct ? ", acted" : ", CHANGED") : (mayAct ? ", DID NOT ACT" : ""),
                !mayAct && audited ? ", denied audited" : "", signsIn ? "" : ", TARGET LOCKED OUT"));
        if (mayAct) {
            cells.add(() -> assertTrue(changedOrActed, actor + " may " + what + ": status " + status));
        } else {
            cells.add(() -> assertFalse(changedOrActed, actor + " may not " + what + " (" + TARGETS.getOrDefault(
                    target, target) + "): status " + status + ", something changed"));
            cells.add(() -> assertTrue(signsIn, actor + " may not " + what + ": the target no longer signs in"));
            if (mustAudit) {
                cells.add(() -> assertTrue(audited, actor + " may not " + what + ": ADMIN_SCOPE_DENIED expected"));
            }
            if (status != 404) {
                cells.add(() -> assertTrue(status == 200 || status == 302 || status == 400,
                        actor + " may not " + what + ": 404, the page without the form, or a stale form; got " + status));
            }
        }
    }

    private static List<String> actorsAllowed(String target, Act act) {
        return ACTORS.stream().filter(a -> ALLOWED.get(a).getOrDefault(target, Set.of()).contains(act)).toList();
    }

    /** A refused action as a forger sends it: the target page's form if shown, else the form of an account of their own. */
    private static HttpResponse<String> attempt(String actor, Act act, String target) {
        Web web = SESSIONS.get(actor);
        String id = IDS.get(target);
        return switch (act) {
            case VIEW -> web.get("/admin/account?id=" + id);
            case LETTER -> {
                HttpResponse<String> page = web.get("/admin/letters?account=" + id);
                if (page.statusCode() != 404) {
                    yield page; // the letter page offered: the cell fails (a refused letter answers 404)
                }
                yield forged(web, "/admin/letters?account=", id, OWN.get(actor), "letter", "letter:reissue", Map.of());
            }
            case DISABLE -> forged(web, "/admin/account?id=", id, OWN.get(actor), "disable", "disable:submit", Map.of());
            case UNLOCK -> forged(web, "/admin/account?id=", id, OWN.get(actor), "unlock", "unlock:submit", Map.of());
            case SET_EMAIL -> forged(web, "/admin/account?id=", id, OWN.get(actor), "emailForm", "emailForm:submit",
                    Map.of("emailForm:email", "forged@example.org"));
            case CLEAR_EMAIL -> forged(web, "/admin/account?id=", id, OWN.get(actor), "clearEmail", "clearEmail:submit",
                    Map.of());
        };
    }

    private static HttpResponse<String> forged(Web web, String page, String targetId, String own, String form,
                                               String button, Map<String, String> typed) {
        String body = web.get(page + targetId).body();
        if (!body.contains("<form id=\"" + form + "\"") && own != null) {
            body = web.get(page + IDS.get(own)).body();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (body.contains("<form id=\"" + form + "\"")) {
            fields.putAll(Web.form(body, form, button));
        } else {
            fields.put(form, form);
            fields.put(button, "");
        }
        fields.putAll(typed);
        return web.postForm(page + targetId, fields);
    }

    /** An allowed action: the form of the target's page, posted. */
    private static HttpResponse<String> post(String actor, String path, String form, String button,
                                             Map<String, String> typed) {
        Web web = SESSIONS.get(actor);
        Map<String, String> fields = Web.form(web.get(path).body(), form, button);
        fields.putAll(typed);
        return web.postForm(path, fields);
    }

    /** Presses "print" on 2nde B's page (an AJAX post, as the page sends it) with {@code audience}. */
    private static HttpResponse<String> startPrint(String actor, String audience) {
        Web web = SESSIONS.get(actor);
        String path = "/admin/letters?establishment=" + lycee + "&division=" + URLEncoder.encode("2nde B",
                StandardCharsets.UTF_8);
        HttpResponse<String> page = web.get(path);
        Map<String, String> fields;
        if (page.statusCode() == 200 && page.body().contains("<form id=\"print\"")) {
            fields = Web.form(page.body(), "print", "print:start");
        } else { // not their class: the print form of a class of their own, posted to 2nde B's address
            String own = web.get("/admin/letters?establishment=" + college + "&division=" + URLEncoder.encode("4e B",
                    StandardCharsets.UTF_8)).body();
            fields = own.contains("<form id=\"print\"") ? Web.form(own, "print", "print:start")
                    : new LinkedHashMap<>(Map.of("print", "print"));
            fields.remove("jakarta.faces.ViewState"); // that view is the collège's class: never reused for the lycée
        }
        fields.remove("print:start");
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "print:start");
        fields.put("jakarta.faces.partial.execute", "print");
        fields.put("jakarta.faces.partial.render", "print");
        fields.put("print:start", "print:start");
        fields.put("print:audience", audience);
        HttpResponse<String> answer = web.postForm(path, fields, "Faces-Request", "partial/ajax");
        return page.statusCode() == 404 ? page : answer;
    }

    private static Map<String, String> awaitChange(Map<String, String> before, String watched) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            Map<String, String> now = versions(List.copyOf(before.keySet()));
            if (!now.get(watched).equals(before.get(watched))) {
                Thread.sleep(1_000); // the print is one transaction: everything is there once one account is
                return versions(List.copyOf(before.keySet()));
            }
            Thread.sleep(250);
        }
        return versions(List.copyOf(before.keySet()));
    }

    private static void pause() {
        try {
            Thread.sleep(1_500); // a print that had started would be under way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- reading the state -------------------------------------------------------------------------------------

    private static Web region() {
        return SESSIONS.get(REGION);
    }

    private static Map<String, String> versions(List<String> identifiers) {
        Map<String, String> versions = new LinkedHashMap<>();
        identifiers.forEach(identifier -> versions.put(identifier, version(IDS.get(identifier))));
        return versions;
    }

    private static String version(String id) {
        return attribute(id, "data-version");
    }

    private static String status(String id) {
        return attribute(id, "data-status");
    }

    private static String email(String id) {
        return attribute(id, "data-email");
    }

    private static String attribute(String id, String name) {
        String page = region().get("/admin/account?id=" + id).body();
        assertTrue(page.contains("id=\"account\""), "the region reads account " + id + ": " + page);
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(page);
        return value.find() ? value.group(1) : ""; // Facelets leaves out an attribute whose value is null
    }

    /** {@code actor} prints the one-account letter of {@code target}: the code in it. */
    private static String letter(String actor, String id, String target) throws IOException {
        Web web = SESSIONS.get(actor);
        HttpResponse<String> page = web.get("/admin/letters?account=" + id);
        assertEquals(200, page.statusCode(), actor + " opens the letter of " + target);
        byte[] pdf = web.postForBytes("/admin/letters?account=" + id, Web.form(page.body(), "letter", "letter:reissue"));
        String code = AdminLettersIT.codesByIdentifier(pdf, 1).get(target);
        assertNotNull(code, "a code for " + target + " in " + actor + "'s letter");
        return code;
    }

    /** Whether the target signs in with its password (each try from an address of its own). */
    private static boolean signsIn(String target) {
        Http http = new Http();
        String page = http.get("/login").body();
        int n = ADDRESS.incrementAndGet();
        HttpResponse<String> answer = http.post("/login", Http.loginForm(page, target, TARGET_PASSWORD),
                "X-Forwarded-For", "203.0.113." + (1 + n % 250));
        return answer.statusCode() == 302;
    }

    private static int deniedCount(String actor) {
        return auditCount(REGION, "ADMIN_SCOPE_DENIED", actor);
    }

    /** The number of events of {@code type} about or by {@code identifier} in {@code reader}'s audit log. */
    private static int auditCount(String reader, String type, String identifier) {
        String audit = SESSIONS.get(reader).get("/admin/audit?type=" + type + "&identifier=" + identifier).body();
        Matcher count = Pattern.compile("id=\"audit-count\" data-count=\"(\\d+)\"").matcher(audit);
        assertTrue(count.find(), audit);
        return Integer.parseInt(count.group(1));
    }

    private static String establishmentId(Web web) {
        String chooser = web.get("/admin/letters").body();
        Matcher id = Pattern.compile("letters\\?establishment=(\\d+)&amp;division=").matcher(chooser);
        assertTrue(id.find(), chooser);
        return id.group(1);
    }
}
