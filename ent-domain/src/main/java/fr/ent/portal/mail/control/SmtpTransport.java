package fr.ent.portal.mail.control;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import fr.ent.portal.mail.entity.OutboxMail;
import fr.ent.portal.platform.config.Settings;

/**
 * Hands one mail of the outbox to the SMTP server: multipart/alternative (plain text, then HTML), UTF-8
 * throughout, and a Message-ID made from the outbox id, so that the rare second delivery of the same mail
 * carries the same Message-ID (mail clients may then show it once).
 * <p>
 * Fault tolerance: a timeout above the socket timeouts, and a circuit breaker that stops calling a dead server
 * for 30 s after most of the last calls failed (refused recipients do not count).
 */
@ApplicationScoped
public class SmtpTransport {

    private SmtpSettings settings;
    private Clock clock;
    private Session session;

    protected SmtpTransport() {
        // CDI proxy
    }

    @Inject
    SmtpTransport(Settings settings, Clock clock) {
        this(SmtpSettings.from(settings), clock);
    }

    public SmtpTransport(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = Session.getInstance(properties(settings));
    }

    /** False when no SMTP host is configured. */
    public boolean enabled() {
        return settings.deliveryEnabled();
    }

    /**
     * Sends the mail; returns when the server accepted it.
     *
     * @throws MessagingException when the server cannot be reached or refuses the mail
     */
    @Timeout(45_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000, successThreshold = 1,
            skipOn = SendFailedException.class)
    public void send(OutboxMail mail) throws MessagingException {
        MimeMessage message = message(mail);
        try (Transport transport = session.getTransport(settings.tls() == SmtpSettings.Tls.SSL ? "smtps" : "smtp")) {
            if (settings.authenticated()) {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    MimeMessage message(OutboxMail mail) throws MessagingException {
        String messageId = "<outbox." + mail.id() + "." + mail.createdAt().toEpochMilli() + "@" + domainOf(settings.from()) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        try {
            message.setFrom(new InternetAddress(settings.from(),
                    settings.fromName() == null || settings.fromName().isBlank() ? null : settings.fromName(),
                    StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", mail.locale().toLanguageTag());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "ent.invalid" : address.substring(at + 1);
    }

    private static Properties properties(SmtpSettings settings) {
        Properties p = new Properties();
        String connect = Long.toString(settings.connectTimeout().toMillis());
        String read = Long.toString(settings.readTimeout().toMillis());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            p.setProperty("mail." + protocol + ".connectiontimeout", connect);
            p.setProperty("mail." + protocol + ".timeout", read);
            p.setProperty("mail." + protocol + ".writetimeout", read);
            p.setProperty("mail." + protocol + ".auth", Boolean.toString(settings.authenticated()));
        }
        if (settings.tls() == SmtpSettings.Tls.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (settings.tls() == SmtpSettings.Tls.SSL) {
            p.setProperty("mail.smtps.ssl.checkserveridentity", "true");
        }
        p.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
        return p;
    }
}
