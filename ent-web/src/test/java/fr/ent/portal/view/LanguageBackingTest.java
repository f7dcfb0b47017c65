package fr.ent.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class LanguageBackingTest {

    @Test
    void frenchWhenNothingIsKnown() {
        assertEquals(Locale.FRENCH, LanguageBacking.resolve(null, null));
        assertEquals(Locale.FRENCH, LanguageBacking.resolve(null, ""));
    }

    @Test
    void bestBrowserLanguageAmongTheSupportedOnes() {
        assertEquals(Locale.ENGLISH, LanguageBacking.resolve(null, "en-GB,en;q=0.9,fr;q=0.5"));
        assertEquals(Locale.FRENCH, LanguageBacking.resolve(null, "fr-FR,fr;q=0.9,en;q=0.8"));
        assertEquals(Locale.FRENCH, LanguageBacking.resolve(null, "de-DE,de;q=0.9"));
    }

    @Test
    void theChoiceWinsOverTheBrowser() {
        assertEquals(Locale.ENGLISH, LanguageBacking.resolve("en", "fr-FR"));
        assertEquals(Locale.FRENCH, LanguageBacking.resolve("fr", "en"));
    }

    @Test
    void junkFallsBackOnFrench() {
        assertEquals(Locale.FRENCH, LanguageBacking.resolve("xx<script>", ";;;q=abc"));
    }
}
