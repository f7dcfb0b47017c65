package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
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

/**
 * Issue 20, items 3 and 4, black-box over plain HTTP through the pages' own forms, from the attacker's side: a link
 * mailed before a credential change must not undo it, a password change ends the other sessions, a session that did
 * not type the password lately cannot change the recovery email without it, guessing the current password on /account
 * holds the identifier like guessing it at sign-in, and email changes are limited per account.
 * <p>
 * Uses j.fournier1 (activated here with a verified email: password changed, disabled and enabled, emails changed) and
 * s.fontaine1 (activated here without email, then held by wrong current passwords); no other class acts on them
 * (SingleSignOnIT only lists them as y.perrin1's children).
 */
@ExtendWith(Portal.class)
@org.junit.jupiter.api.Order(org.junit.jupiter.api.Order.DEFAULT + 34)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialChangesIT {

    static final String PUPIL = "j.fournier1";
    static final String EMAIL = "j.fournier@example.org";
    static final String[] PASSWORDS = {"Lac du Bourget 41!", "Col du Galibier 42!", "Mont Ventoux 43!"};
    static final String HELD_PUPIL = "s.fontaine1";
    static final String HELD_PASSWORD = "Pic du Midi 44!";

    /** The pupil's password now (tests run in order and change it). */
    static String password;
    /** The session opened by the first connection. */
    static Http owner;

    @BeforeAll
    static void activateThePupil() throws Exception {
        owner = OwnAccount.activate(PUPIL, PASSWORDS[0], EMAIL, "203.0.113.40");
        password = PASSWORDS[0];
    }

    @Test
    @Order(1)
    void aResetLinkMailedBeforeAPasswordChangeOnTheAccountPageNoLongerWorks() throws Exception {
        String link = askResetLink(PUPIL, EMAIL, "203.0.113.41");
        assertEquals("VALID", linkState(link), "the link works before the change");

        HttpResponse<String> changed = changePassword(owner, password, PASSWORDS[1]);
        assertEquals(302, changed.statusCode(), changed.body());
        password = PASSWORDS[1];

        String state = linkState(link);
        assertTrue(state.equals("ALREADY_USED") || state.equals("EXPIRED"),
                "a reset link mailed before the password change answers used/expired, not " + state);
        Http thief = new Http();
        HttpResponse<String> page = thief.follow(link);
        assertFalse(page.body().contains("<form id=\"reset\""), "no form to choose a password through the old link");
    }

    @Test
    @Order(2)
    void aPasswordChangeOnTheAccountPageEndsTheOtherSessionsButNotThisOne() {
        Http other = signedIn(password, "203.0.113.42");
        Http here = signedIn(password, "203.0.113.43");
        assertEquals(200, other.get("/home").statusCode(), "the other browser is signed in");

        HttpResponse<String> changed = changePassword(here, password, PASSWORDS[2]);
        assertEquals(302, changed.statusCode(), changed.body());
        password = PASSWORDS[2];

        HttpResponse<String> stays = here.get("/account");
        assertEquals(200, stays.statusCode(), "the session that changed the password goes on: " + stays.headers());
        assertTrue(stays.body().contains(PUPIL), "still signed in as the pupil");
        assertSignedOut(other, "the other browser's session");
        assertEquals(200, OwnAccount.signIn(new Http(), PUPIL, PASSWORDS[1], "203.0.113.44").statusCode(),
                "the old password no longer signs in");
        assertEquals(302, OwnAccount.signIn(new Http(), PUPIL, password, "203.0.113.45").statusCode(),
                "the new one does");
    }

    @Test
    @Order(3)
    void disablingVoidsTheResetLinkEvenOnceTheAccountIsEnabledAgain() throws Exception {
        String link = askResetLink(PUPIL, EMAIL, "203.0.113.46");
        assertEquals("VALID", linkState(link));

        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.47");
        String id = OwnAccount.id(PUPIL, "203.0.113.47");
        regionActs(region, id, "disable", "disable:submit", Map.of());
        regionActs(region, id, "enable", "enable:submit", Map.of());

        String state = linkState(link);
        assertTrue(state.equals("ALREADY_USED") || state.equals("EXPIRED"),
                "a reset link mailed before the account was disabled stays void once enabled again, not " + state);
    }

    @Test
    @Order(4)
    void aSessionThatDidNotTypeThePasswordLatelyCannotChangeTheEmailWithoutIt() throws Exception {
        Http typed = signedIn(password, "203.0.113.48");
        Http remembering = new Http();
        Map<String, String> login = Http.loginForm(remembering.get("/login").body(), PUPIL, password);
        login.put("remember", "on");
        assertEquals(302, remembering.post("/login", login, "X-Forwarded-For", "203.0.113.49").statusCode());
        String token = remembering.cookie("ent_remember");
        assertNotNull(token, "a remembered device");

        // the browser reopened with only the remembered-device cookie: signed in, but no password typed in it
        Http reopened = new Http().withCookie("ent_remember", token);
        assertEquals(200, reopened.get("/account", "X-Forwarded-For", "203.0.113.50").statusCode());
        String stolen = "voleur.a@example.org";
        HttpResponse<String> without = changeEmail(reopened, stolen, "");
        assertEquals(200, without.statusCode(), "refused on the page, not redirected");
        assertTrue(without.body().contains("Saisissez votre mot de passe actuel"), "the current password is asked");
        HttpResponse<String> wrong = changeEmail(reopened, stolen, "not the password");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("pas votre mot de passe actuel"), "a wrong current password is refused");
        assertEquals(0, Mailbox.to(stolen, "").size(), "no link to the attacker's address");
        assertTrue(reopened.get("/account").body().contains(EMAIL), "the recovery email is unchanged");

        HttpResponse<String> right = changeEmail(reopened, "j.fournier.b@example.org", password);
        assertEquals(302, right.statusCode(), "with the current password: " + right.body());

        // a session that typed the password less than five minutes ago needs no second typing
        HttpResponse<String> fresh = changeEmail(typed, EMAIL, "");
        assertEquals(302, fresh.statusCode(), "a fresh sign-in changes the email without the password: " + fresh.body());
    }

    @Test
    @Order(5)
    void aVerificationLinkIsVoidedByALaterEmailChangeOrClearing() throws Exception {
        Http here = signedIn(password, "203.0.113.51");
        String first = "j.fournier.c@example.org";
        assertEquals(302, changeEmail(here, first, password).statusCode());
        String firstLink = verificationLink(first);
        String second = "j.fournier.d@example.org";
        assertEquals(302, changeEmail(here, second, password).statusCode());
        String firstState = verifyState(firstLink);
        assertFalse(firstState.equals("VERIFIED"), "the link to the previous address no longer verifies it: " + firstState);

        // the school office clears the address then records the same one again: the old link must stay void
        String secondLink = verificationLink(second);
        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.52");
        String id = OwnAccount.id(PUPIL, "203.0.113.52");
        regionActs(region, id, "clearEmail", "clearEmail:submit", Map.of());
        regionActs(region, id, "emailForm", "emailForm:submit", Map.of("emailForm:email", second));
        String state = verifyState(secondLink);
        assertFalse(state.equals("VERIFIED"),
                "a verification link mailed before the school office cleared the address does not verify it: " + state);
    }

    @Test
    @Order(6)
    void emailChangesAreLimitedPerAccount() throws Exception {
        Http here = signedIn(password, "203.0.113.53");
        HttpResponse<String> refused = null;
        String refusedAddress = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            String address = "j.fournier.limit" + i + "@example.org";
            HttpResponse<String> answer = changeEmail(here, address, password);
            if (answer.statusCode() != 302) {
                refused = answer;
                refusedAddress = address;
            }
        }
        assertNotNull(refused, "an account cannot change its recovery email six times more within an hour");
        assertTrue(refused.body().contains("liens par heure au plus"), "a clear message: " + refused.body());
        Thread.sleep(1_000);
        assertEquals(0, Mailbox.to(refusedAddress, "").size(), "no link to the refused address");
    }

    @Test
    @Order(7)
    void fiveWrongCurrentPasswordsOnTheAccountPageHoldTheIdentifierAtSignIn() throws Exception {
        Http session = OwnAccount.activate(HELD_PUPIL, HELD_PASSWORD, null, "203.0.113.54");
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = changePassword(session, "guess number " + i, "Aiguille du Midi 45!");
            assertEquals(200, wrong.statusCode(), "guess " + i + " refused on the page");
        }
        HttpResponse<String> signIn = OwnAccount.signIn(new Http(), HELD_PUPIL, HELD_PASSWORD, "203.0.113.55");
        assertEquals(200, signIn.statusCode(),
                "after five wrong current passwords on /account, the identifier is held: even its password is refused");
        HttpResponse<String> sixth = changePassword(session, HELD_PASSWORD, "Aiguille du Midi 45!");
        assertEquals(200, sixth.statusCode(), "while held, /account checks no current password either");
        assertTrue(sixth.body().contains("Trop d"), "the hold is said: " + sixth.body());
    }

    @Test
    @Order(8)
    void aNewProvisionalCodeVoidsTheResetLinkButTheFirstConnectionKeepsItsOwnVerificationLink() throws Exception {
        // a verified address again: the region clears it, a new letter, the first connection records and verifies
        // one (its verification link is mailed after the change voided the older links: activate checks it works)
        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.56");
        regionActs(region, OwnAccount.id(PUPIL, "203.0.113.56"), "clearEmail", "clearEmail:submit", Map.of());
        String verified = "j.fournier.e@example.org";
        OwnAccount.activate(PUPIL, PASSWORDS[0], verified, "203.0.113.57");
        String link = askResetLink(PUPIL, verified, "203.0.113.58");
        assertEquals("VALID", linkState(link));

        // the region prints a new letter and the pupil goes through the first connection again: the link mailed
        // before must not let anyone replace the password chosen then
        OwnAccount.activate(PUPIL, PASSWORDS[1], null, "203.0.113.59");
        password = PASSWORDS[1];
        String state = linkState(link);
        assertTrue(state.equals("ALREADY_USED") || state.equals("EXPIRED"),
                "a reset link mailed before a new provisional code answers used/expired, not " + state);
    }

    @Test
    @Order(9)
    void aFirstConnectionThatShowsNoEmailStepCannotReplaceTheVerifiedAddress() throws Exception {
        // since test 8 the pupil's address is verified: a new letter asks a new password only, no email step. A crafted
        // post that adds the email field anyway (the letter's holder is not always its owner) changes nothing
        String intruder = "intruder.fc@example.org";
        OwnAccount.firstConnection(PUPIL, PASSWORDS[2], intruder, "203.0.113.60");
        password = PASSWORDS[2];
        Http region = AdminRegionIT.signedIn(OwnAccount.REGION, OwnAccount.REGION_PASSWORD, "203.0.113.61");
        HttpResponse<String> detail = region.get("/admin/account?id=" + OwnAccount.id(PUPIL, "203.0.113.61"));
        Matcher email = Pattern.compile("id=\"account-email\" data-email=\"([^\"]*)\" data-verified=\"([a-z]+)\"")
                .matcher(detail.body());
        assertTrue(email.find(), detail.body());
        assertEquals("j.fournier.e@example.org", email.group(1), "the verified address stays");
        assertEquals("true", email.group(2), "and stays verified");
        Thread.sleep(1_000); // a verification mail would be queued by now
        assertEquals(0, Mailbox.to(intruder, "").size(), "no verification link goes to the typed address");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Http signedIn(String secret, String ip) {
        Http http = new Http();
        HttpResponse<String> answer = OwnAccount.signIn(http, PUPIL, secret, ip);
        assertEquals(302, answer.statusCode(), answer.body());
        return http;
    }

    private static HttpResponse<String> changePassword(Http http, String current, String next) {
        HttpResponse<String> page = http.get("/account");
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> form = AdminRegionIT.form(page.body(), "password", "password:submit");
        form.put("password:current", current);
        form.put("password:password", next);
        form.put("password:confirmation", next);
        return http.post("/account", form);
    }

    private static HttpResponse<String> changeEmail(Http http, String email, String current) {
        HttpResponse<String> page = http.get("/account");
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> form = AdminRegionIT.form(page.body(), "recovery", "recovery:submit");
        form.put("recovery:email", email);
        form.put("recovery:current", current);
        return http.post("/account", form);
    }

    /** Asks /help/password for a link for {@code identifier}; the path of the link mailed to {@code email}. */
    private static String askResetLink(String identifier, String email, String ip) throws Exception {
        int before = linksTo(email, "/reset?token=").size();
        Http anyone = new Http();
        Map<String, String> form = AdminRegionIT.form(anyone.get("/help/password").body(), "forgottenPassword",
                "forgottenPassword:submit");
        form.put("forgottenPassword:typed", identifier);
        HttpResponse<String> asked = anyone.post("/help/password", form, "X-Forwarded-For", ip);
        assertTrue(asked.statusCode() == 200 || asked.statusCode() == 302, asked.body());
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            java.util.List<String> links = linksTo(email, "/reset?token=");
            if (links.size() > before) {
                return OwnAccount.path(links.get(links.size() - 1));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no reset link mailed to " + email + " within 30 s");
    }

    /** The links to {@code path} in the mails delivered to {@code email}, oldest first (other mails skipped). */
    private static java.util.List<String> linksTo(String email, String path) throws Exception {
        java.util.List<String> links = new java.util.ArrayList<>();
        for (MimeMessage mail : Mailbox.to(email, "")) {
            Mailbox.link(mail, path).ifPresent(links::add);
        }
        return links;
    }

    /** VALID when the link shows the form, else the state the page explains. */
    private static String linkState(String link) {
        HttpResponse<String> page = new Http().follow(link);
        if (page.body().contains("<form id=\"reset\"")) {
            return "VALID";
        }
        Matcher result = Pattern.compile("id=\"reset-result\" data-result=\"([A-Z_]+)\"").matcher(page.body());
        return result.find() ? result.group(1) : "no state on the page (" + page.statusCode() + ")";
    }

    /** The path of the latest verification link mailed to {@code email}. */
    private static String verificationLink(String email) throws Exception {
        MimeMessage mail = Mailbox.await(email, "", 0);
        return OwnAccount.path(Mailbox.link(mail, "/verify-email?token=").orElseThrow(() ->
                new AssertionError("a verification link in " + Mailbox.body(mail))));
    }

    private static String verifyState(String link) {
        HttpResponse<String> page = new Http().follow(link);
        Matcher result = Pattern.compile("data-result=\"([A-Z_]+)\"").matcher(page.body());
        return result.find() ? result.group(1) : "no result on the page (" + page.statusCode() + ")";
    }

    private static void regionActs(Http region, String id, String form, String button, Map<String, String> typed) {
        String path = "/admin/account?id=" + id;
        HttpResponse<String> page = region.get(path);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> fields = AdminRegionIT.form(page.body(), form, button);
        fields.putAll(typed);
        HttpResponse<String> done = region.post(path, fields);
        assertTrue(done.statusCode() == 302 || done.statusCode() == 200, form + ": " + done.statusCode());
    }

    private static void assertSignedOut(Http http, String what) {
        HttpResponse<String> home = http.get("/home");
        assertEquals(302, home.statusCode(), what + " ended");
        assertTrue(OwnAccount.location(home).endsWith("/login"), what + ": " + OwnAccount.location(home));
    }
}
