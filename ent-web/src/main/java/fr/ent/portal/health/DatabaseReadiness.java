package fr.ent.portal.health;

import java.sql.Connection;

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

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
        if (!schema.migrateIfNeeded()) {
            return response.down().withData("problem", String.valueOf(schema.lastProblem())).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? response.up().build()
                    : response.down().withData("problem", "connection not valid").build();
        } catch (Exception e) {
            return response.down().withData("problem", String.valueOf(e.getMessage())).build();
        }
    }
}
