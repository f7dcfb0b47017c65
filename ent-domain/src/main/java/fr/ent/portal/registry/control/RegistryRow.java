package fr.ent.portal.registry.control;

import java.io.Serializable;
import java.util.List;

/** A valid row of the export: a pupil, their division and their legal representatives (0 to 2). */
public record RegistryRow(int line, PersonEntry pupil, String division, List<PersonEntry> representatives)
        implements Serializable {

    public RegistryRow {
        representatives = List.copyOf(representatives);
    }
}
