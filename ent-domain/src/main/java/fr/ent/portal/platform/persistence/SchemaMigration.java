package fr.ent.portal.platform.persistence;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and evolves the schema with Flyway when the application is deployed, on H2 and PostgreSQL
 * alike. If the database cannot be reached at start, the deployment still succeeds, readiness reports
 * DOWN with the settings to fix, and each readiness probe tries again until the database answers.
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "fr.ent.portal.platform.persistence.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"
        })
@Startup
@Singleton
@DependsOn("DemoData") // its start-up check refuses demo mode outside H2 before the schema is touched
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/ent";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;
    private volatile String lastProblem = "not started";

    @PostConstruct
    void migrateAtStart() {
        migrateIfNeeded();
    }

    /** Migrates once; after a failure, each call tries again. Returns whether the schema is current. */
    public boolean migrateIfNeeded() {
        if (migrated) {
            return true;
        }
        synchronized (this) {
            if (migrated) {
                return true;
            }
            try {
                MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                        + " (" + result.migrationsExecuted + " migration(s) applied now)");
                migrated = true;
                lastProblem = null;
            } catch (RuntimeException e) {
                lastProblem = rootMessage(e);
                LOG.log(Level.SEVERE, "Database not ready: " + lastProblem
                        + " — the portal stays not ready until the database answers. Check "
                        + ConfiguredDataSource.hint() + ".");
                return false;
            }
        }
        schemaReady.fire(new SchemaReady());
        return true;
    }

    public boolean isMigrated() {
        return migrated;
    }

    /** Why the schema is not ready yet, for logs and readiness data; null once migrated. */
    public String lastProblem() {
        return lastProblem;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
