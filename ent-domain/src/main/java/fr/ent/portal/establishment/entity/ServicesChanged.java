package fr.ent.portal.establishment.entity;


/**
 * What an establishment's users see from the portal changed (its services, its name): fired by {@code Establishments}
 * inside the editing transaction and observed after its commit (the home page's tile cache forgets the establishment).
 */
public record ServicesChanged(long establishmentId) {
}
