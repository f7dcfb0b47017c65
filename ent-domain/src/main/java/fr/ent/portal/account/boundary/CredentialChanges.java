package fr.ent.portal.account.boundary;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.CredentialChange;
import fr.ent.portal.account.entity.EmailVerification;
import fr.ent.portal.account.entity.PasswordReset;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;

/**
 * The one place that says what a credential change voids ({@link CredentialChange}): every path that changes a
 * password, a provisional code, a recovery email or disables an account calls {@link #apply} in its transaction,
 * after the change and before it mails any new link. The account's open reset and verification links are spent, the
 * sessions the change ends are ended (the account's {@code sessionsValidAfter}, read from the database by every node
 * on each signed-in request), an audit event says what was voided, and {@link CredentialsChanged} is fired for
 * whoever must react (single logout of the ended sessions).
 */
@Stateless
public class CredentialChanges {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Inject
    Event<CredentialsChanged> events;

    /**
     * Applies what {@code change} voids, at {@code now} (cut to the microsecond, as the databases keep it).
     *
     * @return the instant before which the account's sessions are void (null when no session was ever ended): a
     *         session that must stay ({@link CredentialChange.Sessions#OTHERS}) is stamped after it by the caller
     */
    public Instant apply(Account account, CredentialChange change, Instant now, Client client) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int resets = 0;
        int verifications = 0;
        if (change.voidsLinks()) {
            resets = em.createNamedQuery(PasswordReset.VOID_OPEN_OF_ACCOUNT).setParameter("account", account)
                    .setParameter("now", at).executeUpdate();
            verifications = em.createNamedQuery(EmailVerification.VOID_OPEN_OF_ACCOUNT).setParameter("account", account)
                    .setParameter("now", at).executeUpdate();
        }
        Instant sessionsValidAfter = account.credentialsChanged(change, at);
        audit.record(AuditEventType.CREDENTIAL_CHANGE_VOIDED, account.id(), account.identifier(),
                client == null ? null : client.ip(), client == null ? null : client.userAgent(),
                change.name().toLowerCase(java.util.Locale.ROOT) + " reset-links:" + resets
                        + " verification-links:" + verifications + " sessions:"
                        + change.sessions().name().toLowerCase(java.util.Locale.ROOT));
        events.fire(new CredentialsChanged(account.id(), account.identifier(), change,
                change.sessions() == CredentialChange.Sessions.NONE ? null : at));
        return sessionsValidAfter;
    }

    /**
     * Fired (synchronously, in the change's transaction) when a credential of an account changed. Observe it with
     * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act once the change is committed.
     *
     * @param sessionsEndedAt the sessions of the account started up to this instant are ended (for
     *                        {@link CredentialChange.Sessions#OTHERS}, all but the one that made the change); null
     *                        when the change ends no session
     */
    public record CredentialsChanged(long accountId, String identifier, CredentialChange change, Instant sessionsEndedAt) {
    }
}
