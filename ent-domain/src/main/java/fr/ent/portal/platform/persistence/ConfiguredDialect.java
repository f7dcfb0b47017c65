package fr.ent.portal.platform.persistence;

import java.util.Map;

import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectFactory;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Gives Hibernate its dialect from the configured database URL rather than from a connection, so the
 * portal deploys while its database is down (readiness then says so, and recovers when it returns).
 * Active only for persistence units that set {@value #ENABLED} (the portal's own, not test units).
 */
public class ConfiguredDialect implements ServiceContributor {

    public static final String ENABLED = "fr.ent.portal.dialect-from-settings";

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        if (!Boolean.parseBoolean(String.valueOf(builder.getSettings().get(ENABLED)))) {
            return;
        }
        builder.addInitiator(new StandardServiceInitiator<DialectFactory>() {
            @Override
            public Class<DialectFactory> getServiceInitiated() {
                return DialectFactory.class;
            }

            @Override
            public DialectFactory initiateService(Map<String, Object> configuration, ServiceRegistryImplementor registry) {
                return (values, resolutionInfo) -> forUrl(Settings.current().get(Setting.DB_URL));
            }
        });
    }

    static Dialect forUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgreSQLDialect(DatabaseVersion.make(15));
        }
        if (url.startsWith("jdbc:h2:")) {
            return new H2Dialect(DatabaseVersion.make(2, 2, 224));
        }
        throw new IllegalArgumentException("Unsupported database URL '" + url + "': use jdbc:h2:… or jdbc:postgresql:…. Check "
                + ConfiguredDataSource.hint());
    }
}
