package fr.ent.portal.activation.control;

import java.io.Serializable;

/** An establishment to choose from on an administration page. */
public record EstablishmentRef(long id, String name, String uai) implements Serializable {
}
