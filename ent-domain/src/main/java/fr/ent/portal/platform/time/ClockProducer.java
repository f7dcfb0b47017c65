package fr.ent.portal.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The one clock of the portal, in the schools' time zone. Tests replace it to move time
 * (for example to the previous school year).
 */
@ApplicationScoped
public class ClockProducer {

    @Inject
    Settings settings;

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(settings.timeZone());
    }
}
