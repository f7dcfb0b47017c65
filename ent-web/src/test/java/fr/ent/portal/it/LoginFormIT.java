package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sign-in form over plain HTTP: hostile and huge input, and answers that never tell whether an account exists. */
@ExtendWith(Portal.class)
class LoginFormIT {

    private static final String WRONG = "Identifiant ou mot de passe incorrect.";

    private HttpResponse<String> attempt(String identifier, String secret, String clientIp) {
        Http http = new Http();
        String page = http.get("/login").body();
        return http.post("/login", Http.loginForm(page, identifier, secret), "X-Forwarded-For", clientIp);
    }

    private static void assertCalmRefusal(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(WRONG), answer.body());
        assertFalse(answer.body().matches("(?s).*\\bat [a-z]+\\.[a-zA-Z.$]+\\([A-Za-z]+\\.java:\\d+\\).*"), "no stack trace");
    }

    @Test
    void hugeAndBinaryFieldsGetTheUsualMessage() {
        assertCalmRefusal(attempt("s.bernard1", "x".repeat(1_000_000), "198.51.100.10"));
        assertCalmRefusal(attempt("é".repeat(300_000), "Soleil#Rouge2026", "198.51.100.11"));
        assertCalmRefusal(attempt("\u0000\u0001\u0002\u007f", "\u0000\uFFFD\uD800x", "198.51.100.12"));
        assertCalmRefusal(attempt("' or 1=1 --", "<script>alert(1)</script>", "198.51.100.13"));
    }

    @Test
    void nothingTypedIsReflectedUnescaped() {
        HttpResponse<String> answer = attempt("<script>alert('x')</script>", "whatever", "198.51.100.14");
        assertFalse(answer.body().contains("<script>alert('x')</script>"), "the identifier is escaped when shown again");
    }

    @Test
    void existingAndUnknownIdentifiersGetTheSameAnswer() {
        String existing = normalized(attempt("p.petit1", "Wrong#Password1", "198.51.100.20"));
        String unknown = normalized(attempt("p.petitt1", "Wrong#Password1", "198.51.100.21"));
        assertEquals(existing.replace("p.petit1", "X"), unknown.replace("p.petitt1", "X"),
                "same page whether the identifier exists or not");
    }

    @Test
    void oneAddressIsRateLimitedButTheAnswerStaysTheSame() {
        String ip = "203.0.113.77";
        for (int i = 0; i < 40; i++) {
            assertCalmRefusal(attempt("z.nobody" + i, "Wrong#Password1", ip));
        }
    }

    /** The page without what changes on every answer (script nonces, view state). */
    private static String normalized(HttpResponse<String> answer) {
        return answer.body().replaceAll("nonce-?[=\"]?[A-Za-z0-9+/=_-]{16,}", "NONCE")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"N\"")
                .replaceAll("PrimeFaces.csp.init\\('[^']*'\\)", "INIT")
                // the form's own copies of the nonce and its anti-forgery token (issue 21): new on every answer
                .replaceAll("(name=\"(ent_form_token|primefaces.nonce)\" value=\")[^\"]*\"", "$1X\"");
    }

    /**
     * The page's script nonce is not what protects the form (PrimeFaces' check of it accepted any well-formed value);
     * the signed anti-forgery token is (issue 21, item 3). Since the sign-in form is answered before Faces (item 1), a
     * post without the nonce is judged by its token alone: with it, signed in; without it, the clear stale-form page.
     */
    @Test
    void aPostWithoutThePagesNonceIsJudgedByItsTokenAndRefusedWithAClearPageWithoutIt() {
        Http http = new Http();
        java.util.Map<String, String> form = Http.loginForm(http.get("/login").body(), "s.bernard1", "Soleil#Rouge2026");
        form.remove("primefaces.nonce");
        form.remove("ent_form_token");
        HttpResponse<String> forged = http.post("/login", form, "X-Forwarded-For", "198.51.100.30");
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("Rien n’a été enregistré"), forged.body());
        assertFalse(forged.body().contains("/home"), "not signed in");

        java.util.Map<String, String> noNonce = Http.loginForm(http.get("/login").body(), "s.bernard1", "Soleil#Rouge2026");
        noNonce.remove("primefaces.nonce");
        HttpResponse<String> signedIn = http.post("/login", noNonce, "X-Forwarded-For", "198.51.100.30");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
    }
}
