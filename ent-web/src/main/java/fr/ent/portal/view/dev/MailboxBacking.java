package fr.ent.portal.view.dev;

import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.demo.control.DemoMode;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.control.Html;
import fr.ent.portal.mail.entity.OutboxMail;
import fr.ent.portal.platform.config.Settings;

/**
 * Backing bean of /dev/mailbox: the latest mails of the outbox, for demonstrations without an SMTP server.
 * The page exists only in demo mode with no SMTP host; otherwise it answers 404.
 */
@Named
@RequestScoped
public class MailboxBacking {

    static final int SHOWN = 50;

    @Inject
    Settings settings;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    private List<Row> mails;

    /**
     * One mail as the page shows it; {@code bodyHtml} is the escaped plain text with its http(s) links made
     * clickable. A class with getters, not a record: Expression Language 5 (Jakarta EE 10) does not read records.
     */
    public static final class Row {
        private final String recipient;
        private final String subject;
        private final String time;
        private final String statusKey;
        private final String bodyHtml;

        Row(String recipient, String subject, String time, String statusKey, String bodyHtml) {
            this.recipient = recipient;
            this.subject = subject;
            this.time = time;
            this.statusKey = statusKey;
            this.bodyHtml = bodyHtml;
        }

        public String getRecipient() {
            return recipient;
        }

        public String getSubject() {
            return subject;
        }

        public String getTime() {
            return time;
        }

        public String getStatusKey() {
            return statusKey;
        }

        public String getBodyHtml() {
            return bodyHtml;
        }
    }

    /** preRenderView: a 404 unless in demo mode with no SMTP host ({@link DemoMode#mailboxShown()}). */
    public void check() throws IOException {
        if (!DemoMode.of(settings).mailboxShown()) {
            Faces.responseSendError(404, Faces.getRequestURI());
        }
    }

    public List<Row> getMails() {
        if (mails == null) {
            mails = DemoMode.of(settings).mailboxShown() ? load() : List.of();
        }
        return mails;
    }

    private List<Row> load() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Faces.getLocale()).withZone(clock.getZone());
        return mailer.latest(SHOWN).stream().map(m -> row(m, format)).toList();
    }

    private static Row row(OutboxMail mail, DateTimeFormatter format) {
        return new Row(mail.recipient(), mail.subject(), format.format(mail.createdAt()),
                "dev_mailbox.status." + mail.status().name(), Html.linkify(mail.textBody()));
    }
}
