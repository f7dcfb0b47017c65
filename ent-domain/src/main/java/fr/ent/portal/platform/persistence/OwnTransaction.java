package fr.ent.portal.platform.persistence;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

/**
 * A piece of work in a transaction of its own, for the bean-managed singletons that generate a key once in the
 * database and share it with every node ({@code SigningKeys}, {@code FederationKeys}): begin, work, commit; on any
 * failure the transaction is rolled back and the failure reported (a failed rollback is not).
 */
public final class OwnTransaction {

    private final UserTransaction transaction;
    private final EntityManager em;
    private final String what;

    public OwnTransaction(UserTransaction transaction, EntityManager em, String what) {
        this.transaction = transaction;
        this.em = em;
        this.what = what;
    }

    public <T> T run(Function<EntityManager, T> work) {
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } catch (Exception e) {
            rollback();
            throw new PersistenceException(what + " transaction failed", e);
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception ignored) {
            // the original failure is the one worth reporting
        }
    }
}
