package fr.ent.portal.incident.entity;

/**
 * How badly an incident affects the service. Stored by name. Pages show it with a colour and always with its word
 * (never the colour alone), most severe first.
 */
public enum Severity {
    /** Information only: a planned change, a known slowness. */
    INFO,
    /** Some services or some people are affected. */
    DISRUPTION,
    /** The service is down. */
    OUTAGE;

    /** Higher is more severe (for ordering banners). */
    public int rank() {
        return ordinal();
    }

    /** The severity named by a form or an import, or null for anything else. */
    public static Severity parse(String name) {
        if (name == null) {
            return null;
        }
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(name.strip())) {
                return severity;
            }
        }
        return null;
    }
}
