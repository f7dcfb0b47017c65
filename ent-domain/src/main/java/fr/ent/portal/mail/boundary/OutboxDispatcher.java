package fr.ent.portal.mail.boundary;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import fr.ent.portal.mail.control.DeliveryOutcome;
import fr.ent.portal.mail.control.DispatchRound;
import fr.ent.portal.mail.control.SmtpTransport;
import fr.ent.portal.platform.persistence.SchemaMigration;

/**
 * Every 5 seconds, on every node, delivers the due mails of the outbox in small batches, batch after batch while
 * full ones are due (at most {@value #MAX_BATCHES} a round: a backlog left by an SMTP outage drains at the server's
 * pace). Nodes share the work
 * through row locks that skip what another node holds; the timer is not persistent (nothing to catch up: the
 * outbox itself is the memory). Does nothing while no SMTP host is configured or the schema is not ready.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

    static final int BATCH_SIZE = 20;
    static final int MAX_BATCHES = 50;

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    @Inject
    MailDelivery delivery;

    @Inject
    SmtpTransport transport;

    @Inject
    SchemaMigration schema;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "mail outbox")
    void dispatch() {
        if (!transport.enabled() || !schema.isMigrated() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            Map<DeliveryOutcome, Integer> counts = DispatchRound.drain(BATCH_SIZE, MAX_BATCHES, delivery::dueIds,
                    delivery::deliver);
            if (!counts.isEmpty()) {
                LOG.fine(() -> "Outbox round: " + counts);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox round interrupted: " + e.getClass().getName());
        } finally {
            running.set(false);
        }
    }
}
