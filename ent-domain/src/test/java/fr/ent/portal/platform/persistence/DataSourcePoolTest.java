package fr.ent.portal.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.config.Setting;

/**
 * The pool sizes Payara reads from the web fragment name the catalogue's keys, with the catalogue's defaults, and the
 * fragment defines the data source annotated on {@link SchemaMigration}, with the same class.
 */
class DataSourcePoolTest {

    @Test
    void theWebFragmentSizesThePoolFromTheSettingsWithTheirDefaults() throws Exception {
        String fragment = Files.readString(Path.of("src/main/resources/META-INF/web-fragment.xml"));
        for (Setting setting : new Setting[] {Setting.DB_POOL_MIN_SIZE, Setting.DB_POOL_MAX_SIZE, Setting.DB_POOL_MAX_WAIT_MILLIS}) {
            String expression = "${MPCONFIG=" + setting.key() + ":" + setting.defaultValue() + "}";
            assertTrue(fragment.contains(expression), "web-fragment.xml lacks " + expression);
        }
        assertTrue(fragment.contains("<name>" + SchemaMigration.DATA_SOURCE + "</name>"));
        assertTrue(fragment.contains("<class-name>" + ConfiguredDataSource.class.getName() + "</class-name>"));
    }
}
