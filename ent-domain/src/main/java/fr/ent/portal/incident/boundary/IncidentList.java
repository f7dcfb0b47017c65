package fr.ent.portal.incident.boundary;

import java.io.Serializable;
import java.util.List;

import fr.ent.portal.incident.control.IncidentNotice;

/** The region's incident page: current, upcoming and recently past notices. */
public record IncidentList(List<IncidentNotice> current, List<IncidentNotice> upcoming, List<IncidentNotice> past)
        implements Serializable {
}
