package fr.ent.portal.audit.boundary;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;

/**
 * The audit trail of security events. Each event is written in its own transaction, so it is kept even when
 * the work around it rolls back (a refused sign-in, a failed first connection).
 */
@Stateless
public class AuditTrail {

    /** The most events {@link #recentForAccount} returns, whatever is asked. */
    static final int MAX_RESULTS = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records an event now, in a transaction of its own.
     *
     * @param accountId  the account concerned, null when unknown (an identifier that matches nobody)
     * @param identifier as typed, cut to 64 characters; null if none
     * @param ip         the client's address (45 characters at most: IPv6)
     * @param userAgent  cut to 255 characters
     * @param detail     a short code, never a secret, a token or a link
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditEventType type, Long accountId, String identifier, String ip, String userAgent,
                       String detail) {
        record(type, accountId, identifier, ip, userAgent, detail, null);
    }

    /** As {@link #record(AuditEventType, Long, String, String, String, String)}, scoped to an establishment. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditEventType type, Long accountId, String identifier, String ip, String userAgent,
                       String detail, Long establishmentId) {
        em.persist(new AuditEvent(clock.instant(), type, accountId, identifier, ip, userAgent, detail,
                establishmentId));
    }

    /**
     * As {@link #record(AuditEventType, Long, String, String, String, String)}, but in the caller's transaction: the
     * event commits or rolls back with what it records. For hot paths that already hold a transaction (a remembered
     * device's sign-in): a transaction of its own would take a second pooled connection while the first is held, and
     * a surge of such requests would hold every connection of the pool while each waits for one more.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordWithCaller(AuditEventType type, Long accountId, String identifier, String ip, String userAgent,
                                 String detail) {
        record(type, accountId, identifier, ip, userAgent, detail, null);
    }

    /**
     * Records an administration step now, in a transaction of its own: who acted ({@code actorId}, their
     * identifier), on which account (may be null, e.g. an establishment edited), from where, in which establishment.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordByStaff(AuditEventType type, long actorId, String actorIdentifier, Long accountId,
                              String identifier, Client client, String detail, Long establishmentId) {
        em.persist(new AuditEvent(clock.instant(), type, accountId, identifier, client.ip(), client.userAgent(), detail,
                establishmentId).byStaff(actorId, actorIdentifier));
    }

    /** The latest events of an account, newest first (at most {@code max}, itself capped at 500). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> recentForAccount(long accountId, int max) {
        return em.createNamedQuery(AuditEvent.OF_ACCOUNT, AuditEvent.class)
                .setParameter("accountId", accountId)
                .setMaxResults(Math.max(1, Math.min(max, MAX_RESULTS)))
                .getResultList();
    }
}
