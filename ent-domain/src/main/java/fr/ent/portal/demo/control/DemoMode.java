package fr.ent.portal.demo.control;

import java.util.Locale;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Whether this start is a demonstration: production is the default. Demo mode (demo accounts loaded, {@code /dev/mailbox}
 * when no SMTP server is set) is asked for explicitly with {@code ent.demo.data=true}, and only on the embedded H2
 * database: demo mode with any other database refuses the start, unless the black-box suite on PostgreSQL says so with
 * its tests-only setting {@code ent.demo.data.any-database=true}.
 */
public final class DemoMode {

    private final boolean enabled;
    private final boolean smtpConfigured;

    private DemoMode(boolean enabled, boolean smtpConfigured) {
        this.enabled = enabled;
        this.smtpConfigured = smtpConfigured;
    }

    /** The decision for these settings; throws {@link Refused} when demo mode is asked for on a database it may not touch. */
    public static DemoMode of(Settings settings) {
        boolean asked = "true".equals(settings.get(Setting.DEMO_DATA).trim().toLowerCase(Locale.ROOT));
        boolean smtp = !settings.get(Setting.MAIL_SMTP_HOST).isBlank();
        if (asked && !settings.embeddedDatabase() && !settings.getBoolean(Setting.DEMO_DATA_ANY_DATABASE)) {
            throw new Refused(Setting.DEMO_DATA.key() + "=true (" + Setting.DEMO_DATA.environmentVariable()
                    + ") is refused with the database " + Setting.DB_URL.key() + "=" + scheme(settings.get(Setting.DB_URL))
                    + "…: demo mode (demo accounts with published passwords) runs only on the embedded H2 database. "
                    + "Remove " + Setting.DEMO_DATA.key() + " for production; the portal does not start.");
        }
        return new DemoMode(asked, smtp);
    }

    /** Demo data is loaded at start. */
    public boolean enabled() {
        return enabled;
    }

    /** {@code /dev/mailbox} exists: demo mode, and no SMTP server (the mails stay in the outbox, shown there). */
    public boolean mailboxShown() {
        return enabled && !smtpConfigured;
    }

    /** Only the URL's scheme ({@code jdbc:postgresql}) goes to the log: a JDBC URL may carry a password. */
    private static String scheme(String url) {
        int colon = url.indexOf(':', "jdbc:".length());
        return url.startsWith("jdbc:") && colon > 0 ? url.substring(0, colon) : "(not a JDBC URL)";
    }

    /** Demo mode asked for on a database other than the embedded H2. */
    public static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
