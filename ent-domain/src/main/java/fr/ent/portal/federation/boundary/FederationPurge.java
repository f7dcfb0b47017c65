package fr.ent.portal.federation.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Removes the federation's spent state once it can no longer matter: authorization codes, access and refresh tokens
 * past their expiry, and the SAML request IDs kept against replay past theirs. A timer on every node runs the same
 * statements, one bulk delete by expiry per table (indexed on {@code expires_at}): two nodes deleting at once each
 * remove what is left, never a row still valid, so a cluster needs no leader for it.
 * <p>
 * Codes and refresh tokens are kept {@link #KEPT_AFTER_EXPIRY} longer: a code redeemed a second time, or a used
 * refresh token presented again, is still recognised as a replay (and revokes its family) for that while.
 */
@Stateless
public class FederationPurge {

    private static final Logger LOG = Logger.getLogger(FederationPurge.class.getName());
    static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    /** How many rows a purge removed, per table. */
    public record Purged(int codes, int accessTokens, int refreshTokens, int samlRequests) {
        public int total() {
            return codes + accessTokens + refreshTokens + samlRequests;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "federation purge")
    void everyTenMinutes() {
        try {
            Purged purged = purge();
            if (purged.total() > 0) {
                LOG.log(Level.FINE, "Federation purge: {0}", purged);
            }
        } catch (RuntimeException failed) {
            // the next run tries again; nothing depends on these rows being gone
            LOG.log(Level.WARNING, "Federation purge failed: {0}", failed.toString());
        }
    }

    /** Deletes what expired (codes and refresh tokens: {@link #KEPT_AFTER_EXPIRY} before now). */
    public Purged purge() {
        Instant now = clock.instant();
        Instant replayWindow = now.minus(KEPT_AFTER_EXPIRY);
        return new Purged(
                delete("delete from AuthorizationCode c where c.expiresAt < :before", replayWindow),
                delete("delete from AccessToken t where t.expiresAt < :before", now),
                delete("delete from RefreshToken t where t.expiresAt < :before", replayWindow),
                delete("delete from SamlRequestSeen s where s.expiresAt < :before", now));
    }

    private int delete(String statement, Instant before) {
        return em.createQuery(statement).setParameter("before", before).executeUpdate();
    }
}
