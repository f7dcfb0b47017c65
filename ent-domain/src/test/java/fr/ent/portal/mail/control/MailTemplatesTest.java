package fr.ent.portal.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.ent.portal.mail.entity.MailTemplate;

class MailTemplatesTest {

    private static final Instant TIME = Instant.parse("2026-11-10T08:05:00Z");
    private final MailTemplates templates = new MailTemplates(ZoneId.of("Europe/Paris"));

    /** A value per parameter, each recognisable in the output; links are real links. */
    private static Map<String, Object> parameters(MailTemplate template) {
        Map<String, Object> p = new HashMap<>();
        for (String name : template.parameters()) {
            p.put(name, switch (name) {
                case "time" -> TIME;
                case "validHours", "validMinutes", "lockMinutes" -> 1500;
                case "identifiers" -> "j.dupont1 – Lycée Victor Hugo\nj.dupont2 – Collège Jean Moulin";
                default -> template.isLink(name) ? "https://ent.example/" + name + "?t=abc&x=1" : "Val-" + name;
            });
        }
        return p;
    }

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyTemplateRendersEveryParameterInFrenchAndEnglish(MailTemplate template) {
        for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
            RenderedMail mail = templates.render(template, locale, parameters(template));
            assertFalse(mail.subject().isBlank(), template + " " + locale);
            assertFalse(mail.subject().contains("{"), mail.subject());
            assertFalse(mail.text().contains("{"), mail.text());
            assertTrue(mail.html().startsWith("<!DOCTYPE html>"), template + " " + locale);
            assertTrue(mail.html().contains("<html lang=\"" + locale.getLanguage() + "\">"));
            assertFalse(mail.html().contains("<style") || mail.html().contains("<script"), "inline styles only");
            for (String name : template.parameters()) {
                Object value = parameters(template).get(name);
                if (value instanceof Instant) {
                    assertTrue(mail.text().contains("2026") && mail.text().contains("9:05"),
                            template + " " + locale + " shows the time in Paris: " + mail.text());
                } else if (value instanceof Integer) {
                    String shown = locale == Locale.FRENCH ? "1\u202f500" : "1,500";
                    assertTrue(mail.text().contains(shown) || mail.subject().contains(shown),
                            template + " " + locale + " " + name + ": " + mail.text());
                } else if (template.isLink(name)) {
                    assertTrue(mail.text().contains((String) value), template + " " + name);
                    String escaped = Html.escape((String) value);
                    assertTrue(mail.html().contains("<a href=\"" + escaped + "\""), template + " " + name);
                } else if ("identifiers".equals(name)) {
                    assertTrue(mail.text().contains("j.dupont1 – Lycée Victor Hugo\nj.dupont2 – Collège Jean Moulin"));
                    assertTrue(mail.html().contains("j.dupont1 – Lycée Victor Hugo<br>\nj.dupont2 – Collège Jean Moulin"));
                } else {
                    assertTrue(mail.text().contains((String) value) || mail.subject().contains((String) value),
                            template + " " + locale + " " + name);
                    assertTrue(mail.html().contains((String) value), template + " " + locale + " " + name);
                }
            }
        }
    }

    @Test
    void frenchAndEnglishDiffer() {
        Map<String, Object> p = parameters(MailTemplate.PASSWORD_RESET);
        RenderedMail fr = templates.render(MailTemplate.PASSWORD_RESET, Locale.FRENCH, p);
        RenderedMail en = templates.render(MailTemplate.PASSWORD_RESET, Locale.ENGLISH, p);
        assertEquals("Choisissez un nouveau mot de passe ENT", fr.subject());
        assertEquals("Choose a new ENT password", en.subject());
        assertTrue(fr.text().startsWith("Bonjour Val-firstName,"));
        assertTrue(en.text().startsWith("Hello Val-firstName,"));
        assertTrue(fr.text().contains("n’avez rien demandé"), "typographic apostrophes survive MessageFormat");
    }

    @Test
    void parametersAreEscapedInTheHtmlPartOnly() {
        Map<String, Object> p = parameters(MailTemplate.EMAIL_VERIFICATION);
        p.put("firstName", "<script>alert('x')</script> & \"Zoé\"");
        RenderedMail mail = templates.render(MailTemplate.EMAIL_VERIFICATION, Locale.FRENCH, p);
        assertTrue(mail.html().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Zoé&quot;"),
                mail.html());
        assertFalse(mail.html().contains("<script>"));
        assertTrue(mail.text().contains("Bonjour <script>alert('x')</script> & \"Zoé\","), "plain text is not HTML");
    }

    @Test
    void onlyWebLinksBecomeAnchors() {
        Map<String, Object> p = parameters(MailTemplate.EMAIL_VERIFICATION);
        p.put("link", "javascript:alert(1)");
        RenderedMail mail = templates.render(MailTemplate.EMAIL_VERIFICATION, Locale.ENGLISH, p);
        assertFalse(mail.html().contains("<a "), mail.html());
        assertTrue(mail.html().contains("javascript:alert(1)"));
    }

    @Test
    void aMissingParameterIsRefused() {
        Map<String, Object> p = parameters(MailTemplate.PASSWORD_RESET);
        p.remove("link");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> templates.render(MailTemplate.PASSWORD_RESET, Locale.FRENCH, p));
        assertTrue(e.getMessage().contains("link"));
    }

    @Test
    void otherLanguagesGetTheFrenchBase() {
        RenderedMail de = templates.render(MailTemplate.PASSWORD_RESET, Locale.GERMAN,
                parameters(MailTemplate.PASSWORD_RESET));
        assertEquals("Choisissez un nouveau mot de passe ENT", de.subject());
    }

    @Test
    void theLockNoticeReassures() {
        RenderedMail fr = templates.render(MailTemplate.ACCOUNT_LOCKED_NOTICE, Locale.FRENCH,
                parameters(MailTemplate.ACCOUNT_LOCKED_NOTICE));
        assertTrue(fr.text().contains("Vous n’avez rien à faire"), fr.text());
        assertTrue(fr.text().contains("le 10 novembre 2026"), fr.text());
    }
}
