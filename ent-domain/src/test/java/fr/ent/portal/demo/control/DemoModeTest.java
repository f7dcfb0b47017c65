package fr.ent.portal.demo.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.config.TestSettings;

/** Issue 20, item 2: production is the default; demo mode is asked for, and only on the embedded H2 database. */
class DemoModeTest {

    static final String POSTGRES = "jdbc:postgresql://db.example:5432/ent?user=ent&password=s3cret";

    static Settings settings(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return TestSettings.of(values);
    }

    @Test
    void aStartWithoutAnySettingIsProduction() {
        DemoMode mode = DemoMode.of(settings());
        assertFalse(mode.enabled(), "no demo data without ent.demo.data=true");
        assertFalse(mode.mailboxShown(), "no /dev/mailbox");
    }

    @Test
    void theFormerAutoValueNoLongerMeansDemoOnTheEmbeddedDatabase() {
        assertFalse(DemoMode.of(settings("ent.demo.data", "auto")).enabled());
        assertFalse(DemoMode.of(settings("ent.demo.data", "yes")).enabled());
    }

    @Test
    void demoModeIsAskedForExplicitlyOnTheEmbeddedDatabase() {
        DemoMode mode = DemoMode.of(settings("ent.demo.data", "true"));
        assertTrue(mode.enabled());
        assertTrue(mode.mailboxShown(), "no SMTP host: the mails are shown at /dev/mailbox");
        assertTrue(DemoMode.of(settings("ent.demo.data", "TRUE ")).enabled());
    }

    @Test
    void theMailboxIsGoneAsSoonAsAnSmtpHostIsSet() {
        DemoMode mode = DemoMode.of(settings("ent.demo.data", "true", "ent.mail.smtp.host", "smtp.example"));
        assertTrue(mode.enabled());
        assertFalse(mode.mailboxShown());
        assertFalse(DemoMode.of(settings("ent.mail.smtp.host", "")).mailboxShown());
    }

    @Test
    void demoModeWithPostgresqlRefusesToStartNamingTheSettingButNotThePassword() {
        DemoMode.Refused refused = assertThrows(DemoMode.Refused.class,
                () -> DemoMode.of(settings("ent.demo.data", "true", "ent.db.url", POSTGRES)));
        assertTrue(refused.getMessage().contains("ent.demo.data=true"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ENT_DEMO_DATA"), refused.getMessage());
        assertTrue(refused.getMessage().contains("jdbc:postgresql"), refused.getMessage());
        assertFalse(refused.getMessage().contains("s3cret"), "a JDBC URL may carry a password: " + refused.getMessage());
        assertFalse(refused.getMessage().contains("db.example"), refused.getMessage());
    }

    @Test
    void postgresqlWithoutDemoModeStarts() {
        assertFalse(DemoMode.of(settings("ent.db.url", POSTGRES)).enabled());
        assertFalse(DemoMode.of(settings("ent.db.url", POSTGRES, "ent.demo.data", "false")).enabled());
    }

    @Test
    void onlyTheTestsOnlySettingLetsDemoModeRunOnPostgresql() {
        assertTrue(DemoMode.of(settings("ent.demo.data", "true", "ent.db.url", POSTGRES,
                "ent.demo.data.any-database", "true")).enabled());
        assertThrows(DemoMode.Refused.class, () -> DemoMode.of(settings("ent.demo.data", "true", "ent.db.url", POSTGRES,
                "ent.demo.data.any-database", "false")));
    }
}
