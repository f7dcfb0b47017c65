package fr.ent.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import fr.ent.portal.audit.entity.AuditEventType;

/** The audit page names each event type in words, in French and in English (issue 22, item 7: no raw codes). */
class AuditTypeLabelsTest {

    @Test
    void everyAuditEventTypeHasALabelInBothLanguages() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties texts = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/fr/ent/portal/i18n/" + bundle)) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            List<String> missing = Arrays.stream(AuditEventType.values())
                    .filter(type -> texts.getProperty("AuditEventType." + type.name(), "").isBlank()
                            || texts.getProperty("AuditEventType." + type.name()).equals(type.name()))
                    .map(Enum::name).toList();
            assertEquals(List.of(), missing, "event types without a label in " + bundle);
        }
    }
}
