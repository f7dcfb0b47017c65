package fr.ent.portal.sso.control;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostUpdate;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.sso.boundary.CasServer;

/**
 * Whatever ends every session of an account ({@link Account#endAllSessions}: "sign out everywhere", a disable, a
 * password reset or change, a re-issued code) sends single logout to the services those sessions opened, wherever the
 * sessions live: the sessions themselves end only at their next request on their own node, but the services they
 * validated tickets for are listed in the cluster's shared {@link OpenedServices}. One hook on the entity, so that every
 * path that ends sessions, present or future, is covered.
 */
public class SessionsEndedListener {

    private static final Logger LOG = Logger.getLogger(SessionsEndedListener.class.getName());

    @PostUpdate
    void updated(Account account) {
        Instant upTo = account.takeSessionsEnded();
        if (upTo == null || account.id() == null) {
            return;
        }
        try {
            CDI.current().select(CasServer.class).get().accountSessionsEnded(account.id(), upTo);
        } catch (RuntimeException e) {
            // the sessions end in any case; the services keep theirs until their own timeout
            LOG.log(Level.WARNING, "Single logout after the end of an account's sessions failed", e);
        }
    }
}
