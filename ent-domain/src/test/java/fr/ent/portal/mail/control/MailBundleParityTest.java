package fr.ent.portal.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import fr.ent.portal.mail.entity.MailTemplate;

/** The English mails are the complete twin of the French ones. */
class MailBundleParityTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Properties load(String file) throws IOException {
        try (InputStream in = MailBundleParityTest.class.getResourceAsStream("/fr/ent/portal/mail/" + file)) {
            assertNotNull(in, file);
            Properties p = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            return p;
        }
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Properties fr = load("mails.properties");
        Properties en = load("mails_en.properties");
        assertEquals(new TreeSet<>(fr.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        assertTrue(load("mails_fr.properties").isEmpty(), "French lives in the base bundle");
    }

    @Test
    void everyTemplateHasItsTextsWithItsPlaceholdersInBothLanguages() throws IOException {
        for (String file : new String[] {"mails.properties", "mails_en.properties"}) {
            Properties p = load(file);
            for (MailTemplate template : MailTemplate.values()) {
                String subject = p.getProperty(template.subjectKey());
                String body = p.getProperty(template.bodyKey());
                assertNotNull(subject, file + " " + template.subjectKey());
                assertNotNull(body, file + " " + template.bodyKey());
                Set<Integer> used = new TreeSet<>();
                for (String text : new String[] {subject, body}) {
                    assertFalse(text.contains("'"), file + " " + template
                            + ": write apostrophes as ’ (a plain ' is a MessageFormat quote)");
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        used.add(Integer.parseInt(m.group(1)));
                    }
                }
                Set<Integer> expected = new TreeSet<>();
                for (int i = 0; i < template.parameters().size(); i++) {
                    expected.add(i);
                }
                assertEquals(expected, used, file + " " + template + " uses every parameter, and only those");
            }
        }
    }
}
