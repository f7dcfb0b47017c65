package fr.ent.portal.registry.control;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A parsed export: the encoding it was read with, the number of data rows, the valid rows, the errors of the others,
 * and every pupil id the file names (valid row or not: a pupil on a wrong row is not "absent from the file").
 */
public record RegistryFile(String encoding, int rowCount, List<RegistryRow> rows, List<RowError> errors,
                           Set<String> pupilIds) implements Serializable {

    public RegistryFile {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        pupilIds = Set.copyOf(pupilIds);
    }
}
