package fr.ent.portal.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StatelessViewsTest {

    @Test
    void anonymousViewsAreKnownWithOrWithoutExtension() {
        assertTrue(StatelessViews.anonymous("/login.xhtml"));
        assertTrue(StatelessViews.anonymous("/login"));
        assertTrue(StatelessViews.anonymous("/help/password.xhtml"));
        assertFalse(StatelessViews.anonymous("/home.xhtml"));
        assertFalse(StatelessViews.anonymous("/account"));
        assertFalse(StatelessViews.anonymous(null));
    }

    @Test
    void everyPageDeclaredAnonymousIsInTheList() throws Exception {
        Path webapp = Path.of("src/main/webapp");
        try (var pages = Files.walk(webapp)) {
            pages.filter(p -> p.toString().endsWith(".xhtml")).forEach(page -> {
                try {
                    boolean declared = Files.readString(page).contains("<ui:param name=\"anonymous\" value=\"true\"/>");
                    String viewId = "/" + webapp.relativize(page).toString().replace('\\', '/');
                    if (declared) {
                        assertTrue(StatelessViews.anonymous(viewId), viewId + " is anonymous but not in StatelessViews");
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
