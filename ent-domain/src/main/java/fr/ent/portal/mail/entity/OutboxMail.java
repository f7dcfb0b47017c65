package fr.ent.portal.mail.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A rendered mail waiting in the outbox, or its record once sent or given up. It is written in the transaction
 * of the change it tells about, so it exists if and only if that change committed; the dispatcher then delivers
 * it, retrying with an exponential backoff (10 s, 20 s, 40 s… at most 15 min between attempts).
 * <p>
 * Two kinds of failure: {@link #failed} when the server was reached but the delivery failed (counts towards
 * the maximum, then FAILED), {@link #deferred} when no server could be reached (the mail waits, never FAILED
 * for that reason: an SMTP outage loses no mail).
 */
@Entity
@Table(name = "outbox_mail")
@SequenceGenerator(name = "outbox_mail_seq", sequenceName = "outbox_mail_seq", allocationSize = 50)
@NamedQuery(name = OutboxMail.DUE_IDS, query = "select m.id from OutboxMail m where m.status = :status"
        + " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
@NamedQuery(name = OutboxMail.LATEST, query = "select m from OutboxMail m order by m.createdAt desc, m.id desc")
public class OutboxMail {

    /** Ids of mails due at {@code now} (parameter {@code status} = QUEUED), the oldest due first. */
    public static final String DUE_IDS = "OutboxMail.dueIds";
    /** Every mail, newest first. */
    public static final String LATEST = "OutboxMail.latest";

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    static final int ERROR_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_mail_seq")
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "template", nullable = false, length = 40, updatable = false)
    private MailTemplate template;

    @Column(name = "recipient", nullable = false, length = 254, updatable = false)
    private String recipient;

    @Column(name = "language", nullable = false, length = 16, updatable = false)
    private String language;

    @Column(name = "subject", nullable = false, length = 255, updatable = false)
    private String subject;

    @Column(name = "text_body", nullable = false, length = 100000, updatable = false)
    private String textBody;

    @Column(name = "html_body", nullable = false, length = 100000, updatable = false)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private OutboxStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    protected OutboxMail() {
        // JPA
    }

    /** A QUEUED mail, due at once. */
    public OutboxMail(MailTemplate template, String recipient, Locale locale, String subject, String textBody,
                      String htmlBody, Instant createdAt) {
        this.template = Objects.requireNonNull(template, "template");
        this.recipient = requireRecipient(recipient);
        this.language = Objects.requireNonNull(locale, "locale").toLanguageTag();
        this.subject = Objects.requireNonNull(subject, "subject");
        this.textBody = Objects.requireNonNull(textBody, "textBody");
        this.htmlBody = Objects.requireNonNull(htmlBody, "htmlBody");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.nextAttemptAt = createdAt;
        this.status = OutboxStatus.QUEUED;
    }

    private static String requireRecipient(String recipient) {
        String address = recipient == null ? "" : recipient.strip();
        if (address.isEmpty() || address.length() > 254 || address.indexOf('@') < 1
                || address.chars().anyMatch(c -> c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>')) {
            throw new IllegalArgumentException("Not a single mail address");
        }
        return address;
    }

    // ---- delivery ------------------------------------------------------------------------------------------

    /** True when the mail waits for an attempt and its time has come. */
    public boolean isDueAt(Instant now) {
        return status == OutboxStatus.QUEUED && !nextAttemptAt.isAfter(now);
    }

    /** The SMTP server accepted the mail. */
    public void sent(Instant now) {
        requireQueued();
        this.attempts++;
        this.status = OutboxStatus.SENT;
        this.sentAt = Objects.requireNonNull(now, "now");
        this.lastError = null;
    }

    /**
     * The server was reached but the delivery failed: the mail is tried again after the backoff, or FAILED once
     * {@code maxAttempts} attempts have been made.
     *
     * @param error a short code (exception name, SMTP reply code), never a body, link or token
     */
    public void failed(Instant now, String error, int maxAttempts) {
        requireQueued();
        this.attempts++;
        this.lastError = shortError(error);
        if (attempts >= maxAttempts) {
            this.status = OutboxStatus.FAILED;
        } else {
            this.nextAttemptAt = now.plus(backoff(attempts));
        }
    }

    /** No SMTP server could be reached: the mail waits for the backoff and stays QUEUED whatever its attempts. */
    public void deferred(Instant now, String error) {
        requireQueued();
        this.attempts++;
        this.lastError = shortError(error);
        this.nextAttemptAt = now.plus(backoff(attempts));
    }

    /** Puts a FAILED mail back in the queue, due at once, with its attempts forgotten (support action). */
    public void requeue(Instant now) {
        if (status != OutboxStatus.FAILED) {
            throw new IllegalStateException("Only a FAILED mail can be queued again");
        }
        this.status = OutboxStatus.QUEUED;
        this.attempts = 0;
        this.nextAttemptAt = Objects.requireNonNull(now, "now");
    }

    /** The wait after the {@code attempts}-th failed attempt: 10 s, 20 s, 40 s… at most 15 min. */
    public static Duration backoff(int attempts) {
        if (attempts < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempts - 1, 20);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    private void requireQueued() {
        if (status != OutboxStatus.QUEUED) {
            throw new IllegalStateException("Mail " + id + " is " + status);
        }
    }

    private static String shortError(String error) {
        if (error == null || error.isBlank()) {
            return "unknown";
        }
        String flat = error.strip().replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= ERROR_LENGTH ? flat : flat.substring(0, ERROR_LENGTH);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public Long id() {
        return id;
    }

    public MailTemplate template() {
        return template;
    }

    public String recipient() {
        return recipient;
    }

    /** The part after the @, the most of an address that logs may show. */
    public String recipientDomain() {
        return recipient.substring(recipient.lastIndexOf('@') + 1);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public String subject() {
        return subject;
    }

    public String textBody() {
        return textBody;
    }

    public String htmlBody() {
        return htmlBody;
    }

    public OutboxStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public String toString() {
        return "OutboxMail[" + id + " " + template + " to @" + recipientDomain() + " " + status + "]";
    }
}
