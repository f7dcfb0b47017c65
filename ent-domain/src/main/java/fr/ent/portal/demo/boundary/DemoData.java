package fr.ent.portal.demo.boundary;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.persistence.SchemaReady;

/**
 * Loads the demo data once the schema is migrated (at deployment, or later if the database came up
 * after the portal), when the settings ask for it. Loading twice changes nothing.
 */
@Singleton
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    PasswordHashing hashing;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void load(@Observes SchemaReady schemaReady) {
        if (!settings.demoDataEnabled()) {
            return;
        }
        if (new DemoDataSet(em, hashing, clock).loadIfAbsent()) {
            LOG.info("Demo data loaded: establishments " + DemoDataSet.LYCEE_UAI + ", " + DemoDataSet.COLLEGE_UAI
                    + ", " + DemoDataSet.TOULOUSE_UAI + "; accounts " + DemoDataSet.demoIdentifiers());
        } else {
            LOG.fine("Demo data already there");
        }
    }
}
