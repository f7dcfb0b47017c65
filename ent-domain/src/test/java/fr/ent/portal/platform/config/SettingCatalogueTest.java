package fr.ent.portal.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The README's configuration table and the catalogue must not drift apart. */
class SettingCatalogueTest {

    @Test
    void everyKeyIsDocumentedInTheReadmeWithItsEnvironmentVariableAndDefault() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (Setting setting : Setting.values()) {
            String row = "| `" + setting.key() + "` | `" + setting.environmentVariable() + "` | ";
            assertTrue(readme.contains(row), "README lacks the row of " + setting.key() + " (" + row + ")");
            String documentedDefault = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
            assertTrue(readme.contains(row + documentedDefault + " |"),
                    "README shows another default for " + setting.key() + "; expected " + documentedDefault);
        }
    }

    @Test
    void keysAndEnvironmentVariablesAreUnique() {
        Set<String> keys = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (Setting setting : Setting.values()) {
            assertTrue(keys.add(setting.key()), setting.key());
            assertTrue(variables.add(setting.environmentVariable()), setting.environmentVariable());
        }
    }

    @Test
    void environmentVariableFollowsMicroProfileConfigMapping() {
        assertEquals("ENT_DB_URL", Setting.DB_URL.environmentVariable());
        assertEquals("ENT_PASSWORD_ARGON2_MEMORY_KIB", Setting.PASSWORD_ARGON2_MEMORY_KIB.environmentVariable());
    }
}
