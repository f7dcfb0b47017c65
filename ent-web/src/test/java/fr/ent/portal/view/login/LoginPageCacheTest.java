package fr.ent.portal.view.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

import fr.ent.portal.view.KeptPage;

/** Issue 21, item 2: the kept rendering of /login, cut at its per-request values and filled again. */
class LoginPageCacheTest {

    static final String NONCE = "NjA1ZjM3ZTQtYjA4ZS00ZjM2LWFmMzgtNWQ1NTI2ZjEyNDA5";
    static final String TOKEN = "1765000000.abcDEF_-123";

    static KeptPage.Capture captured(String body, String csp) {
        KeptPage.Capture capture = new KeptPage.Capture(response(new ArrayList<>()));
        capture.setContentType("text/html;charset=UTF-8");
        capture.addHeader("Content-Security-Policy", csp);
        capture.getWriter().write(body);
        return capture;
    }

    @Test
    void theNonceAndTheTokenAreCutOutEverywhere() {
        String body = "<script nonce=\"" + NONCE + "\">PrimeFaces.csp.init('" + NONCE + "');</script>"
                + "<form><input type=\"hidden\" name=\"ent_form_token\" value=\"" + TOKEN + "\"/>"
                + "<input type=\"hidden\" name=\"primefaces.nonce\" value=\"" + NONCE + "\"/></form>";
        KeptPage.Capture capture = captured(body, "script-src 'self' 'nonce-" + NONCE + "'");
        KeptPage.Rendering rendering = LoginPageCache.template(capture.body(), capture);
        assertNotNull(rendering);
        assertEquals(List.of(0, 0, 1, 0), rendering.page().holes());
        String joined = String.join("|", rendering.page().parts());
        assertFalse(joined.contains(NONCE) || joined.contains(TOKEN), joined);
        assertEquals("script-src 'self' 'nonce-" + KeptPage.NONCE_MARK + "'", rendering.headers().get(0)[1]);
    }

    @Test
    void aPageWithoutTokenOrNonceIsNotKept() {
        KeptPage.Capture noToken = captured("<p>no form</p>", "script-src 'self' 'nonce-" + NONCE + "'");
        assertNull(LoginPageCache.template(noToken.body(), noToken));
        KeptPage.Capture noNonce = captured("<input type=\"hidden\" name=\"ent_form_token\" value=\"" + TOKEN
                + "\"/>", "default-src 'self'");
        assertNull(LoginPageCache.template(noNonce.body(), noNonce));
    }

    @Test
    void aRedirectOrAnErrorIsNotKept() throws Exception {
        KeptPage.Capture capture = new KeptPage.Capture(response(new ArrayList<>()));
        capture.sendRedirect("/home");
        assertFalse(capture.cacheable());
        assertTrue(capture.sent());
    }

    static HttpServletResponse response(List<String> log) {
        PrintWriter writer = new PrintWriter(new StringWriter());
        return (HttpServletResponse) Proxy.newProxyInstance(LoginPageCacheTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    log.add(method.getName());
                    return "getWriter".equals(method.getName()) ? writer : null;
                });
    }
}
