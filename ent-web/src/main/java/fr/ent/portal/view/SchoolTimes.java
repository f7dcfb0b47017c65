package fr.ent.portal.view;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Date-times a form shows and takes to the minute, in the schools' time zone (the injected {@code ZoneId}). */
@ApplicationScoped
public class SchoolTimes {

    @Inject
    Clock clock;

    @Inject
    ZoneId zone;

    /** Now, to the minute, as the schools' clocks show it. */
    public LocalDateTime now() {
        return local(clock.instant());
    }

    /** The local date-time of {@code instant}, to the minute; null for null. */
    public LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The instant of a typed local date-time; null for null. */
    public Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toInstant();
    }
}
