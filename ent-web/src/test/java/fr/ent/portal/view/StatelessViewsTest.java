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
        assertTrue(StatelessViews.stateless("/home.xhtml"), "signed in, but stateless");
        assertTrue(StatelessViews.stateless("/login"));
        assertFalse(StatelessViews.stateless("/account"));
        assertFalse(StatelessViews.stateless(null));
    }

    @Test
    void everyPageDeclaredAnonymousOrStatelessIsInTheList() throws Exception {
        Path webapp = Path.of("src/main/webapp");
        try (var pages = Files.walk(webapp)) {
            pages.filter(p -> p.toString().endsWith(".xhtml")).forEach(page -> {
                try {
                    String text = Files.readString(page);
                    boolean declared = text.contains("<ui:param name=\"anonymous\" value=\"true\"/>");
                    boolean stateless = text.contains("<ui:param name=\"stateless\" value=\"true\"/>");
                    String viewId = "/" + webapp.relativize(page).toString().replace('\\', '/');
                    if (declared) {
                        assertTrue(StatelessViews.anonymous(viewId), viewId + " is anonymous but not in StatelessViews");
                    }
                    // both ways: a page in the list without the parameter would render a stateful form on a
                    // transient view, one with the parameter but not in the list would still store a view map
                    assertTrue(stateless == StatelessViews.SIGNED_IN_STATELESS.contains(viewId.replace(".xhtml", "")),
                            viewId + ": the template's stateless parameter and StatelessViews disagree");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
