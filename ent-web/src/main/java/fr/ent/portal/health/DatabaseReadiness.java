package fr.ent.portal.health;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import fr.ent.portal.platform.persistence.SchemaMigration;

/**
 * Ready when the database answers and its schema is migrated. While it is not, each probe retries
 * the migration, so a node started before its database recovers by itself.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @EJB
    SchemaMigration schema;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    /** The last answer, to log each change once: null before the first probe. */
    private final AtomicReference<Boolean> lastUp = new AtomicReference<>();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        if (!schema.migrateIfNeeded()) {
            return changed(response.down().withData("problem", String.valueOf(schema.lastProblem())), false,
                    schema.lastProblem());
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? changed(response.up(), true, null)
                    : changed(response.down().withData("problem", "connection not valid"), false, "connection not valid");
        } catch (Exception e) {
            return changed(response.down().withData("problem", String.valueOf(e.getMessage())), false, e.getMessage());
        }
    }

    /** Logs a change of state once (not every probe): DOWN with the reason, UP again when the database is back. */
    private HealthCheckResponse changed(HealthCheckResponseBuilder response, boolean up, String problem) {
        Boolean before = lastUp.getAndSet(up);
        if (before == null || before != up) {
            if (up) {
                LOG.info(before == null ? "Database reachable: readiness UP."
                        : "Database reachable again: readiness UP, this node takes requests again.");
            } else {
                LOG.severe("Database unreachable: readiness DOWN until it answers (each probe tries again): " + problem);
            }
        }
        return response.build();
    }
}
