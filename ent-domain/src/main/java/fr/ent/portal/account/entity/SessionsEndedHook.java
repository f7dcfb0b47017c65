package fr.ent.portal.account.entity;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostUpdate;

/**
 * One hook on the entity, so that every path that ends an account's sessions, present or future, is announced: when
 * the change is written it fires {@link SessionsEnded}, which the features that keep something per session observe
 * (single sign-on sends single logout to the services those sessions opened, wherever the sessions live). The entity
 * names no observer: the account feature depends on none of them.
 */
public class SessionsEndedHook {

    private static final Logger LOG = Logger.getLogger(SessionsEndedHook.class.getName());

    @PostUpdate
    void updated(Account account) {
        Instant upTo = account.takeSessionsEnded();
        if (upTo == null || account.id() == null) {
            return;
        }
        try {
            CDI.current().getBeanManager().getEvent().select(SessionsEnded.class)
                    .fire(new SessionsEnded(account.id(), upTo));
        } catch (RuntimeException e) {
            // the sessions end in any case; the observers' services keep theirs until their own timeout
            LOG.log(Level.WARNING, "An observer of the end of an account's sessions failed", e);
        }
    }
}
