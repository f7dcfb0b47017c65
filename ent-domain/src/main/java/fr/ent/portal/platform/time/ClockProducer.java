package fr.ent.portal.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import fr.ent.portal.platform.config.Settings;

/**
 * The one clock of the portal, in the schools' time zone, and that zone itself: beans and pages inject {@code ZoneId}
 * rather than reading {@code ent.time-zone}. Tests replace the clock to move time (for example to the previous school
 * year).
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

    /** The schools' time zone ({@link Settings#timeZone}), for whoever shows or reads a local date and time. */
    @Produces
    ZoneId zone() {
        return settings.timeZone();
    }
}
