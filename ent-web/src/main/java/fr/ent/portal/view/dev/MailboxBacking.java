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

    private List<MailboxRow> mails;

    /** preRenderView: a 404 unless in demo mode with no SMTP host ({@link DemoMode#mailboxShown()}). */
    public void check() throws IOException {
        if (!DemoMode.of(settings).mailboxShown()) {
            Faces.responseSendError(404, Faces.getRequestURI());
        }
    }

    public List<MailboxRow> getMails() {
        if (mails == null) {
            mails = DemoMode.of(settings).mailboxShown() ? load() : List.of();
        }
        return mails;
    }

    private List<MailboxRow> load() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Faces.getLocale()).withZone(clock.getZone());
        return mailer.latest(SHOWN).stream().map(m -> row(m, format)).toList();
    }

    private static MailboxRow row(OutboxMail mail, DateTimeFormatter format) {
        return new MailboxRow(mail.recipient(), mail.subject(), format.format(mail.createdAt()),
                "dev_mailbox.status." + mail.status().name(), Html.linkify(mail.textBody()));
    }
}
