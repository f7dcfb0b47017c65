package fr.ent.portal.federation.boundary;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import fr.ent.portal.federation.control.FederationSwitch;
import fr.ent.portal.platform.config.Settings;

/**
 * At deployment: refuses the start when the federation is on outside demo mode without its key-encryption key
 * ({@link FederationSwitch#check}). No database access here (the portal deploys while the database is down).
 */
@Startup
@Singleton
public class FederationStart {

    private static final Logger LOG = Logger.getLogger(FederationStart.class.getName());

    @Inject
    Settings settings;

    @PostConstruct
    void check() {
        FederationSwitch federation = FederationSwitch.of(settings);
        try {
            federation.check();
        } catch (IllegalStateException refused) {
            LOG.severe(refused.getMessage());
            throw refused;
        }
        if (federation.enabled()) {
            LOG.info("OpenID Connect provider on" + (federation.keyDerived()
                    ? " (demo mode: key-encryption key derived from the master signing key)" : ""));
        }
    }
}
