package fr.ent.portal.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEverythingThenLinksOnlyWebUrls() {
        String html = Html.linkify("Bonjour <b>Zoé</b> & co,\nouvrez https://ent.example/v?t=a&b=c.\n"
                + "javascript:alert(1) http://x.example/\"onmouseover=\"alert(1)");
        assertEquals("Bonjour &lt;b&gt;Zoé&lt;/b&gt; &amp; co,\nouvrez "
                + "<a href=\"https://ent.example/v?t=a&amp;b=c\" rel=\"noopener noreferrer\">https://ent.example/v?t=a&amp;b=c</a>.\n"
                + "javascript:alert(1) <a href=\"http://x.example/\" rel=\"noopener noreferrer\">http://x.example/</a>"
                + "&quot;onmouseover=&quot;alert(1)", html);
    }

    @Test
    void linkRefusesOtherSchemes() {
        assertFalse(Html.link("javascript:alert(1)", null).contains("<a"));
        assertFalse(Html.isWebLink("https://a.example/ b"));
        assertTrue(Html.link("https://a.example/x", "color:red").startsWith("<a href=\"https://a.example/x\" style=\"color:red\">"));
        assertEquals("", Html.linkify(null));
    }
}
