package fr.ent.portal.demo.boundary;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.demo.control.DemoMode;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.persistence.SchemaReady;

/**
 * Loads the demo data once the schema is migrated (at deployment, or later if the database came up
 * after the portal), when demo mode is asked for ({@link DemoMode}: never by default). Loading twice changes nothing.
 * <p>
 * Started first ({@code SchemaMigration} depends on it): demo mode asked for on a database other than the embedded H2
 * fails the deployment here, with a log line naming the setting, before the schema is touched.
 */
@Startup
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

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refuseDemoModeOutsideH2() {
        try {
            DemoMode mode = DemoMode.of(settings);
            if (mode.enabled()) {
                LOG.warning("Demo mode (" + Setting.DEMO_DATA.key()
                        + "=true): demo accounts with published passwords; never in production");
            }
        } catch (DemoMode.Refused refused) {
            LOG.log(Level.SEVERE, refused.getMessage());
            throw refused;
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void load(@Observes SchemaReady schemaReady) {
        if (!DemoMode.of(settings).enabled()) {
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
