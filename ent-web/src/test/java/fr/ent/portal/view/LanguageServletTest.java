package fr.ent.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The switcher goes back to a page of the portal, never elsewhere. */
class LanguageServletTest {

    @Test
    void backToThePageWithItsQuery() {
        assertEquals("/help/password", LanguageServlet.next("/help/password"));
        assertEquals("/admin/accounts?name=Martin&status=ACTIVE", LanguageServlet.next("/admin/accounts?name=Martin&status=ACTIVE"));
    }

    @Test
    void anythingButAPathOfThePortalGoesToTheRoot() {
        for (String next : new String[] {null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example",
                "evil", "/WEB-INF/errors/404.xhtml", "/a\r\nSet-Cookie: x=y", "/" + "a".repeat(3000)}) {
            assertEquals("/", LanguageServlet.next(next), String.valueOf(next));
        }
    }
}
