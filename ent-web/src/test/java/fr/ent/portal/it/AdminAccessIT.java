package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import fr.ent.portal.it.AdminLettersIT.Web;

/**
 * Every administration address × every role, black-box: the expected status of each cell is in {@link #TABLE}.
 * {@code /admin} answers 301 to {@code /admin/} for everyone (the container's directory redirect, before any check),
 * and {@code /admin/} 301 to the extension-less welcome page {@code /admin/index} for the staff.
 * Anonymous visitors are sent to /login (302); a principal teacher sees the lycée's letters and activation pages
 * (their own class only); a family gets the container's refusal (403, shown as the 404 page);
 * staff get 404 for anything outside their scope, exactly as for an id that does not exist. Ids are discovered from
 * /admin/accounts as r.admin1 (never hard-coded). b.garnier1 (the collège) also forges posts of her own pages with a
 * lycée account's id: 404, nothing changes, and each refusal is in the audit log ({@code ADMIN_SCOPE_DENIED}).
 * Reads only (GET), apart from those refused posts: no demo account changes.
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 14)
class AdminAccessIT {

    static final String ANONYMOUS = "anonymous";
    static final String FAMILY = "y.perrin1";
    static final String PETIT = "p.petit1";
    static final String MOREAU = "a.moreau1";
    static final String GARNIER = "b.garnier1";
    static final String REGION = "r.admin1";
    static final List<String> ROLES = List.of(ANONYMOUS, FAMILY, PETIT, MOREAU, GARNIER, REGION);

    /** Ids discovered at run time, by name in the addresses below. */
    static final Map<String, String> IDS = new LinkedHashMap<>();

    /**
     * Address → expected status for anonymous, y.perrin1, p.petit1, a.moreau1, b.garnier1, r.admin1. {NAME} is an id
     * found at run time: LYCEE (establishment), MARTIN (pupil, lycée 2nde B), BERNARD (representative of a 2nde B
     * pupil), INES (pupil, lycée 1re C), EMILE (pupil, collège 3e A).
     */
    static final Object[][] TABLE = {
            //  address                                                   anon fam  petit moreau garnier region
            {"/admin",                                                    301, 301, 301, 301, 301, 301},
            {"/admin/",                                                   302, 403, 301, 301, 301, 301},
            {"/admin/index",                                              302, 403, 200, 200, 200, 200},
            {"/admin/accounts",                                           302, 403, 200, 200, 200, 200},
            {"/admin/accounts?division=2nde+B&name=m&status=ACTIVE",      302, 403, 200, 200, 200, 200},
            {"/admin/account",                                            302, 403, 404, 404, 404, 404},
            {"/admin/account?id=abc",                                     302, 403, 404, 404, 404, 404},
            {"/admin/account?id=999999999",                               302, 403, 404, 404, 404, 404},
            {"/admin/account?id={MARTIN}",                                302, 403, 200, 200, 404, 200},
            {"/admin/account?id={BERNARD}",                               302, 403, 200, 200, 404, 200},
            {"/admin/account?id={INES}",                                  302, 403, 404, 200, 404, 200},
            {"/admin/account?id={EMILE}",                                 302, 403, 404, 404, 200, 200},
            {"/admin/letters",                                            302, 403, 200, 200, 200, 200},
            {"/admin/letters?account={MARTIN}",                           302, 403, 200, 200, 404, 200},
            {"/admin/letters?account={BERNARD}",                          302, 403, 404, 200, 404, 200},
            {"/admin/letters?account={INES}",                             302, 403, 404, 200, 404, 200},
            {"/admin/letters?account={EMILE}",                            302, 403, 404, 404, 200, 200},
            {"/admin/letters?account=999999999",                          302, 403, 404, 404, 404, 404},
            {"/admin/letters?establishment={LYCEE}",                      302, 403, 200, 200, 404, 200},
            {"/admin/letters?establishment={LYCEE}&division=2nde+B",      302, 403, 200, 200, 404, 200},
            {"/admin/letters?establishment={LYCEE}&division=1re+C",       302, 403, 404, 200, 404, 200},
            {"/admin/import",                                             302, 403, 404, 200, 200, 200},
            {"/admin/import?establishment={LYCEE}",                       302, 403, 404, 200, 404, 200},
            {"/admin/help-requests",                                      302, 403, 200, 200, 200, 200},
            {"/admin/activation",                                         302, 403, 200, 200, 200, 200},
            {"/admin/activation?establishment={LYCEE}",                   302, 403, 200, 200, 404, 200},
            {"/admin/audit",                                              302, 403, 404, 200, 200, 200},
            {"/admin/audit?type=ADMIN_SCOPE_DENIED",                      302, 403, 404, 200, 200, 200},
            {"/admin/region/establishments",                              302, 403, 403, 403, 403, 200},
            {"/admin/region/incidents",                                   302, 403, 403, 403, 403, 200},
            {"/admin/region/services",                                    302, 403, 403, 403, 403, 200},
            {"/admin/region/services?protocol=SAML",                      302, 403, 403, 403, 403, 200},
            {"/admin/region/services?protocol=OIDC",                      302, 403, 403, 403, 403, 200},
            {"/admin/region/services?protocol=CAS",                       302, 403, 403, 403, 403, 200},
            {"/admin/region/feed",                                        302, 403, 403, 403, 403, 200},
    };

    static final Map<String, Web> SESSIONS = new LinkedHashMap<>();

    @BeforeAll
    static void signInEveryRoleAndFindTheIds() throws Exception {
        SESSIONS.put(ANONYMOUS, new Web());
        // a family with a password of its own (no first connection to go through), over plain HTTP: the matrix runs
        // on a machine without a browser too
        SESSIONS.put(FAMILY, Web.signedIn(FAMILY, "Famille#Perrin2026", "198.51.100.230"));
        SESSIONS.put(PETIT, Web.signedIn(PETIT, "Tableau#Noir2026", "198.51.100.231"));
        SESSIONS.put(MOREAU, Web.signedIn(MOREAU, AdminLettersIT.MOREAU_PASSWORD, "198.51.100.232"));
        SESSIONS.put(GARNIER, Web.signedIn(GARNIER, "Registre#College2026", "198.51.100.233"));
        SESSIONS.put(REGION, Web.signedIn(REGION, "Region#Academie2026", "198.51.100.234"));

        findIds(SESSIONS.get(REGION), SESSIONS.get(MOREAU));
    }

    /** Fills {@link #IDS} (once per test JVM), from the region's account list and a.moreau1's letters page. */
    static synchronized void findIds(Web region, Web moreau) {
        if (!IDS.isEmpty()) {
            return;
        }
        IDS.put("MARTIN", accountId(region, "l.martin1"));
        IDS.put("BERNARD", accountId(region, "s.bernard1"));
        IDS.put("INES", accountId(region, "i.garnier1"));
        IDS.put("EMILE", accountId(region, "e.durand1"));
        String chooser = moreau.get("/admin/letters").body();
        Matcher lycee = Pattern.compile("letters\\?establishment=(\\d+)&amp;division=").matcher(chooser);
        assertTrue(lycee.find(), chooser);
        IDS.put("LYCEE", lycee.group(1));
    }

    /** The id of the account {@code identifier}, read from the region's filtered list. */
    static String accountId(Web region, String identifier) {
        HttpResponse<String> list = region.get("/admin/accounts?identifier=" + identifier);
        assertEquals(200, list.statusCode(), list.body());
        Matcher row = Pattern.compile("data-identifier=\"" + Pattern.quote(identifier) + "\" data-account=\"(\\d+)\"")
                .matcher(list.body());
        assertTrue(row.find(), list.body());
        return row.group(1);
    }

    static String resolve(String address) {
        String resolved = address;
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        return resolved;
    }

    @Test
    void everyAddressAnswersEachRoleAsTheTableSays() {
        List<Executable> cells = new ArrayList<>();
        for (Object[] line : TABLE) {
            String address = resolve((String) line[0]);
            for (int role = 0; role < ROLES.size(); role++) {
                String who = ROLES.get(role);
                int expected = (Integer) line[role + 1];
                HttpResponse<String> answer = SESSIONS.get(who).get(address);
                cells.add(() -> assertEquals(expected, answer.statusCode(), who + " GET " + address));
                if (expected == 302) {
                    cells.add(() -> assertTrue(answer.headers().firstValue("Location").orElse("").contains("/login"),
                            who + " GET " + address + " goes to /login"));
                }
                if (expected == 404 || expected == 403) {
                    cells.add(() -> assertTrue(answer.body().contains("error-heading"),
                            who + " GET " + address + ": the page-not-found page"));
                }
            }
        }
        assertAll(cells);
    }

    @Test
    void garnierForgesPostsWithALyceeAccountAndGets404AndTheAuditKnows() {
        Web garnier = SESSIONS.get(GARNIER);
        Web region = SESSIONS.get(REGION);
        int before = deniedCount(region);
        String ines = IDS.get("INES");
        String emile = IDS.get("EMILE");

        HttpResponse<String> own = garnier.get("/admin/account?id=" + emile);
        assertEquals(200, own.statusCode(), "her own pupil");
        HttpResponse<String> disable = garnier.postForm("/admin/account?id=" + ines,
                Web.form(own.body(), "disable", "disable:submit"));
        assertEquals(404, disable.statusCode(), "a disable posted with a lycée account's id");
        Map<String, String> email = Web.form(own.body(), "emailForm", "emailForm:submit");
        email.put("emailForm:email", "forged@example.org");
        assertEquals(404, garnier.postForm("/admin/account?id=" + ines, email).statusCode(), "an email, the same");
        Map<String, String> unlock = Web.form(own.body(), "unlock", "unlock:submit");
        assertEquals(404, garnier.postForm("/admin/account?id=" + ines, unlock).statusCode(), "an unlock, the same");

        HttpResponse<String> letter = garnier.get("/admin/letters?account=" + emile);
        assertEquals(200, letter.statusCode());
        HttpResponse<String> pdf = garnier.postForm("/admin/letters?account=" + ines,
                Web.form(letter.body(), "letter", "letter:reissue"));
        assertEquals(404, pdf.statusCode(), "a letter PDF of a lycée pupil");

        String page = region.get("/admin/account?id=" + ines).body();
        assertTrue(page.contains("data-status=\"PROVISIONAL\"") || page.contains("data-status=\"ACTIVE\""),
                "i.garnier1 is not disabled");
        assertTrue(!page.contains("forged@example.org"), "nor given the forged email");
        int after = deniedCount(region);
        assertTrue(after >= before + 4, "each forged post audited: " + before + " → " + after);
    }

    static int deniedCount(Web region) {
        String audit = region.get("/admin/audit?type=ADMIN_SCOPE_DENIED&identifier=" + GARNIER).body();
        Matcher count = Pattern.compile("id=\"audit-count\" data-count=\"(\\d+)\"").matcher(audit);
        assertTrue(count.find(), audit);
        return Integer.parseInt(count.group(1));
    }
}
