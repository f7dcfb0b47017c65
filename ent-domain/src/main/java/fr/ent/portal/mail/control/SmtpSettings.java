package fr.ent.portal.mail.control;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/** How to reach the SMTP server and who the portal's mails come from. */
public record SmtpSettings(String host, int port, Tls tls, String user, String password, String from,
                           String fromName, Duration connectTimeout, Duration readTimeout) {

    /** How the connection is encrypted. */
    public enum Tls {
        NONE, STARTTLS, SSL
    }

    public SmtpSettings {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public static SmtpSettings from(Settings settings) {
        return new SmtpSettings(
                settings.get(Setting.MAIL_SMTP_HOST).strip(),
                settings.getInt(Setting.MAIL_SMTP_PORT),
                Tls.valueOf(settings.get(Setting.MAIL_SMTP_TLS).strip().toUpperCase(Locale.ROOT)),
                settings.get(Setting.MAIL_SMTP_USER).strip(),
                settings.get(Setting.MAIL_SMTP_PASSWORD),
                settings.get(Setting.MAIL_FROM).strip(),
                settings.get(Setting.MAIL_FROM_NAME).strip(),
                settings.getDuration(Setting.MAIL_SMTP_CONNECT_TIMEOUT),
                settings.getDuration(Setting.MAIL_SMTP_READ_TIMEOUT));
    }

    /** False when no SMTP host is configured: mails then stay in the outbox. */
    public boolean deliveryEnabled() {
        return host != null && !host.isBlank();
    }

    public boolean authenticated() {
        return user != null && !user.isBlank();
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + " " + tls + (authenticated() ? " as " + user : "") + "]";
    }
}
