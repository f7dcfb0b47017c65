package fr.ent.portal.incident.entity;

import java.time.Instant;

/** The one rule of "current": started at or before the instant, and not yet ended (the end instant excluded). */
public final class IncidentPeriod {

    private IncidentPeriod() {
    }

    public static boolean isCurrent(Instant from, Instant until, Instant at) {
        return !from.isAfter(at) && (until == null || until.isAfter(at));
    }
}
