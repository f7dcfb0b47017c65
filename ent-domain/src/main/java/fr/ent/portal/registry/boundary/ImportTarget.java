package fr.ent.portal.registry.boundary;

import java.io.Serializable;

/** An establishment the staff member may import into. */
public record ImportTarget(long id, String uai, String name) implements Serializable {
}
