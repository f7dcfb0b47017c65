package fr.ent.portal.platform.persistence;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Chooses Hibernate's dialect from the configured URL instead of a connection, so that the
 * application deploys even while the database is unreachable (readiness then says so).
 */
public class ConfiguredDialectResolver implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String url = Settings.current().get(Setting.DB_URL);
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgreSQLDialect();
        }
        if (url.startsWith("jdbc:h2:")) {
            return new H2Dialect();
        }
        return null;
    }
}
