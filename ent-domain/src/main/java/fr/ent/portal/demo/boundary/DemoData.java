package fr.ent.portal.demo.boundary;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.platform.config.Settings;

/** Loads the demo data once at deployment, after the schema migration, when the settings ask for it. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
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

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void load() {
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
