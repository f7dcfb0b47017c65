package fr.ent.portal.mail.control;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import fr.ent.portal.mail.entity.OutboxMail;
import fr.ent.portal.mail.entity.OutboxStatus;

/**
 * The outbox's delivery logic on an entity manager whose transactions the caller runs: find the due mails, then
 * deliver each in a small transaction of its own.
 * <p>
 * {@link #deliver} claims the mail with {@code select … for update skip locked} ({@link #CLAIM}, PostgreSQL and
 * H2 alike):
 * a mail another node is sending is skipped, not waited for; the row stays locked while the SMTP server is
 * talked to, and the mail is marked SENT in that same transaction. So no two nodes send the same mail, and
 * a mail is SENT only once. The one window left: the server accepted the mail but the commit that marks it
 * SENT fails (database lost at that instant, node killed): the mail is then sent again later, with the same
 * Message-ID.
 */
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    /**
     * Locks the row of a QUEUED mail, or finds nothing when another transaction holds it. Native SQL because
     * Hibernate 6.6's H2 dialect drops SKIP LOCKED from {@code PESSIMISTIC_WRITE} with lock timeout -2 (it
     * waits, then fails), while H2 2.2 and PostgreSQL 15 both run this statement unchanged.
     */
    static final String CLAIM = "select id from outbox_mail where id = ?1 and status = 'QUEUED' for update skip locked";

    private final EntityManager em;
    private final Clock clock;
    private final SmtpTransport transport;
    private final int maxAttempts;

    public Outbox(EntityManager em, Clock clock, SmtpTransport transport, int maxAttempts) {
        this.em = em;
        this.clock = clock;
        this.transport = transport;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** Ids of the mails due now, the longest waiting first. */
    public List<Long> dueIds(int max) {
        return em.createNamedQuery(OutboxMail.DUE_IDS, Long.class)
                .setParameter("status", OutboxStatus.QUEUED)
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Delivers one mail if it is still due and no other node holds it. Run it in a transaction of its own and
     * commit whatever it returns: the mail's new state (SENT, retry time, FAILED) is part of that transaction.
     */
    public DeliveryOutcome deliver(long id) {
        if (!claim(id)) {
            return DeliveryOutcome.SKIPPED;
        }
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null || !mail.isDueAt(clock.instant())) {
            return DeliveryOutcome.SKIPPED;
        }
        try {
            transport.send(mail);
        } catch (Exception e) {
            DeliveryFailure failure = DeliveryFailure.of(e);
            if (failure.serverUnreachable()) {
                mail.deferred(clock.instant(), failure.code());
                LOG.fine(() -> "SMTP server unreachable (" + failure.code() + "): " + mail + " waits until "
                        + mail.nextAttemptAt());
                return DeliveryOutcome.SERVER_UNREACHABLE;
            }
            mail.failed(clock.instant(), failure.code(), maxAttempts);
            LOG.log(mail.status() == OutboxStatus.FAILED ? Level.WARNING : Level.INFO, () -> "Delivery of " + mail
                    + " failed (" + failure.code() + ", attempt " + mail.attempts() + " of " + maxAttempts + ")");
            return mail.status() == OutboxStatus.FAILED ? DeliveryOutcome.FAILED : DeliveryOutcome.RETRY;
        }
        mail.sent(clock.instant());
        LOG.fine(() -> "Sent " + mail);
        return DeliveryOutcome.SENT;
    }

    /** True when this transaction now holds the row of the QUEUED mail {@code id} (until it ends). */
    boolean claim(long id) {
        return !em.createNativeQuery(CLAIM).setParameter(1, id).getResultList().isEmpty();
    }

    /** The latest mails, newest first. */
    public List<OutboxMail> latest(int max) {
        return em.createNamedQuery(OutboxMail.LATEST, OutboxMail.class).setMaxResults(max).getResultList();
    }
}
