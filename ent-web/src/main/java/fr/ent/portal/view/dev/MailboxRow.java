package fr.ent.portal.view.dev;

/**
 * One mail as /dev/mailbox shows it ({@link MailboxBacking}); {@code bodyHtml} is the escaped plain text with its
 * http(s) links made clickable. A class with getters, not a record: Expression Language 5 (Jakarta EE 10) does not
 * read records.
 */
public final class MailboxRow {

    private final String recipient;
    private final String subject;
    private final String time;
    private final String statusKey;
    private final String bodyHtml;

    MailboxRow(String recipient, String subject, String time, String statusKey, String bodyHtml) {
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
