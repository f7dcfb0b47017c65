package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import fr.ent.portal.it.AdminLettersIT.Web;

/**
 * A demo pupil that no other class uses, made ready through the administration boundary, over plain HTTP: the region
 * (r.admin1) re-issues the pupil's code from /admin/letters?account= (the PDF read back), then the pupil signs in with
 * it and completes the first connection with a password and, when given, a recovery email verified from its mail.
 */
final class OwnAccount {

    static final String REGION = "r.admin1";
    static final String REGION_PASSWORD = "Region#Academie2026";

    private OwnAccount() {
    }

    /** The account's id, read by the region from /admin/accounts. */
    static String id(String identifier, String ip) {
        return AdminAccessIT.accountId(Web.signedIn(REGION, REGION_PASSWORD, ip), identifier);
    }

    /** Activates {@code identifier} with {@code password} (and {@code email}, verified, when not null); its session. */
    static Http activate(String identifier, String password, String email, String ip) throws Exception {
        int mails = email == null ? 0 : Mailbox.to(email, "").size();
        Http pupil = firstConnection(identifier, password, email, ip);
        if (email != null) {
            MimeMessage mail = Mailbox.await(email, "", mails);
            String link = Mailbox.link(mail, "/verify-email?token=").orElseThrow(() -> new AssertionError(Mailbox.body(mail)));
            HttpResponse<String> verified = new Http().follow(path(link));
            assertTrue(verified.body().contains("data-result=\"VERIFIED\""), verified.body());
        }
        return pupil;
    }

    /**
     * The region prints a new letter for {@code identifier}, who signs in with its code and posts the first-connection
     * form with {@code email} typed in its email field (sent even when the page shows no such field).
     */
    static Http firstConnection(String identifier, String password, String email, String ip) throws Exception {
        Web region = Web.signedIn(REGION, REGION_PASSWORD, ip);
        String path = "/admin/letters?account=" + AdminAccessIT.accountId(region, identifier);
        HttpResponse<String> letter = region.get(path);
        assertEquals(200, letter.statusCode(), letter.body());
        byte[] pdf = region.postForBytes(path, Web.form(letter.body(), "letter", "letter:reissue"));
        String code = AdminLettersIT.codesByIdentifier(pdf, 1).get(identifier);
        assertNotNull(code, "a code for " + identifier);

        return completeFirstConnection(identifier, code, password, email, "X-Forwarded-For", ip);
    }

    /**
     * {@code identifier} signs in with its provisional {@code code} and posts the first-connection form (every request
     * with {@code headers}: the client's address, its language…); the signed-in session.
     */
    static Http completeFirstConnection(String identifier, String code, String password, String email,
                                        String... headers) {
        Http pupil = new Http();
        HttpResponse<String> signedIn = pupil.post("/login", Http.loginForm(pupil.get("/login", headers).body(),
                identifier, code), headers);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(location(signedIn).endsWith("/first-connection"), location(signedIn));
        HttpResponse<String> page = pupil.get("/first-connection", headers);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> form = AdminRegionIT.form(page.body(), "firstConnection", "firstConnection:submit");
        form.put("firstConnection:password", password);
        form.put("firstConnection:confirmation", password);
        form.put("firstConnection:email", email == null ? "" : email);
        form.put("firstConnection:charter", "on");
        HttpResponse<String> done = pupil.post("/first-connection", form, headers);
        assertEquals(302, done.statusCode(), done.body());
        return pupil;
    }

    static HttpResponse<String> signIn(Http http, String identifier, String secret, String ip) {
        return http.post("/login", Http.loginForm(http.get("/login").body(), identifier, secret), "X-Forwarded-For", ip);
    }

    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    /** The path and query of an absolute link of the portal. */
    static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
