package fr.ent.portal.help.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import fr.ent.portal.credential.control.Tokens;
import fr.ent.portal.help.entity.FormSubmission;

/**
 * The help forms are acted on once per sending: a double click, a reload of a posted page or the back button makes
 * the browser send the same form again (same anti-forgery token, same content), and that copy must not mail a second
 * link or open a second request. The first copy is recorded in the database, so a copy that reaches another node is
 * recognised too; two copies racing each other meet on the primary key. A family asking again a little later, or from
 * a page shown afresh (a new token), is a new request: the window is short on purpose.
 */
@Stateless
public class FormSubmissions {

    private static final Logger LOG = Logger.getLogger(FormSubmissions.class.getName());
    /** How long a copy of a sent form counts as the same request. */
    static final Duration WINDOW = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * True when this sending of {@code form} is the first within {@link #WINDOW}. Without a token (a caller that has
     * none) every sending is a first one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean first(String form, String token, String typed) {
        if (token == null || token.isEmpty()) {
            return true;
        }
        String id = Tokens.hash(form + '\n' + token + '\n' + typed);
        Instant now = clock.instant();
        try {
            FormSubmission seen = em.find(FormSubmission.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (seen != null && seen.heldAt(now)) {
                return false;
            }
            if (seen != null) {
                seen.renew(now.plus(WINDOW));
            } else {
                em.persist(new FormSubmission(id, now.plus(WINDOW)));
            }
            em.flush();
            return true;
        } catch (PersistenceException twin) {
            // the other copy inserted the same row first (primary key): this one is the repeat
            return false;
        }
    }

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "form submissions purge")
    void everyTenMinutes() {
        try {
            em.createQuery("delete from FormSubmission s where s.expiresAt < :now")
                    .setParameter("now", clock.instant()).executeUpdate();
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "Form submissions purge failed: {0}", failed.toString());
        }
    }
}
