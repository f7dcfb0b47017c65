package fr.ent.portal.incident.control;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

import fr.ent.portal.incident.entity.Incident;
import fr.ent.portal.incident.entity.IncidentPeriod;
import fr.ent.portal.incident.entity.Severity;

/** An immutable copy of an incident notice, for pages and the short-lived cache of current notices. */
public record IncidentNotice(long id, long version, String title, String text, Severity severity, Instant from,
                             Instant until, boolean allEstablishments, Set<Long> establishmentIds)
        implements Serializable {

    public IncidentNotice {
        establishmentIds = Set.copyOf(establishmentIds);
    }

    public static IncidentNotice of(Incident incident) {
        return new IncidentNotice(incident.id(), incident.version(), incident.title(), incident.text(),
                incident.severity(), incident.startsAt(), incident.endsAt(), incident.allEstablishments(),
                incident.establishmentIds());
    }

    public boolean isCurrentAt(Instant at) {
        return IncidentPeriod.isCurrent(from, until, at);
    }

    public boolean concerns(long establishmentId) {
        return allEstablishments || establishmentIds.contains(establishmentId);
    }

    /** For pages: the severity's name in lower case (CSS modifier and bundle key suffix). */
    public String getSeverityName() {
        return severity.name();
    }

    // Bean-style getters for Faces EL.
    public long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Instant getFrom() {
        return from;
    }

    public Instant getUntil() {
        return until;
    }

    public boolean isAllEstablishments() {
        return allEstablishments;
    }

    public int getEstablishmentCount() {
        return establishmentIds.size();
    }
}
