package fr.ent.portal.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.config.Setting;

/** The pool sizes Payara reads from web.xml name the catalogue's keys, with the catalogue's defaults. */
class DataSourcePoolTest {

    @Test
    void webXmlSizesThePoolFromTheSettingsWithTheirDefaults() throws Exception {
        String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
        for (Setting setting : new Setting[] {Setting.DB_POOL_MIN_SIZE, Setting.DB_POOL_MAX_SIZE, Setting.DB_POOL_MAX_WAIT_MILLIS}) {
            String expression = "${MPCONFIG=" + setting.key() + ":" + setting.defaultValue() + "}";
            assertTrue(webXml.contains(expression), "web.xml lacks " + expression);
        }
        assertTrue(webXml.contains("<name>java:app/jdbc/ent</name>"), "the data source of SchemaMigration");
    }
}
