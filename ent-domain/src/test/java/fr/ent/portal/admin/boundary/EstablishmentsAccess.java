package fr.ent.portal.admin.boundary;

import jakarta.persistence.EntityManager;

/** Builds an {@link Establishments} outside the container for tests of other packages. */
public final class EstablishmentsAccess {

    private EstablishmentsAccess() {
    }

    public static Establishments with(EntityManager em) {
        Establishments establishments = new Establishments();
        establishments.em = em;
        return establishments;
    }
}
