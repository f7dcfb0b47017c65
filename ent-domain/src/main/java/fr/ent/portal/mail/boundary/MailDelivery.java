package fr.ent.portal.mail.boundary;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.mail.control.DeliveryOutcome;
import fr.ent.portal.mail.control.Outbox;
import fr.ent.portal.mail.control.SmtpTransport;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/** The dispatcher's transactions: each call is a small transaction of its own (see {@link Outbox}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailDelivery {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SmtpTransport transport;

    @Inject
    Settings settings;

    @Inject
    AuditTrail auditTrail;

    public List<Long> dueIds(int max) {
        return outbox().dueIds(max);
    }

    /** Delivers one mail; a mail given up is recorded in the audit trail. */
    public DeliveryOutcome deliver(long id) {
        DeliveryOutcome outcome = outbox().deliver(id);
        if (outcome == DeliveryOutcome.FAILED) {
            auditTrail.record(AuditEventType.MAIL_DELIVERY_FAILED, null, null, null, null, "outbox:" + id);
        }
        return outcome;
    }

    private Outbox outbox() {
        return new Outbox(em, clock, transport, settings.getInt(Setting.MAIL_MAX_ATTEMPTS));
    }
}
