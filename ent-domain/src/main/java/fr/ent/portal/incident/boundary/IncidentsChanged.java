package fr.ent.portal.incident.boundary;

/** CDI event: an incident was posted, changed or ended (the node's cache of current notices is dropped on commit). */
public record IncidentsChanged(long incidentId) {
}
