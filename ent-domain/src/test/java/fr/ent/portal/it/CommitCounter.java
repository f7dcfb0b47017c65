package fr.ent.portal.it;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * Test-only: Hibernate's statistics of the portal's persistence unit, switched on for {@link PersistenceIT}. A
 * transaction is counted when a persistence context took part in it (a read-only one too); a flush that wrote rows
 * counts its inserts and updates.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommitCounter {

    /** Transactions completed with success, rows inserted, rows updated, so far. */
    public record Figures(long commits, long inserts, long updates) implements java.io.Serializable {

        public Figures minus(Figures before) {
            return new Figures(commits - before.commits, inserts - before.inserts, updates - before.updates);
        }
    }

    @PersistenceUnit
    EntityManagerFactory emf;

    public Figures now() {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        return new Figures(statistics.getSuccessfulTransactionCount(), statistics.getEntityInsertCount(),
                statistics.getEntityUpdateCount());
    }
}
