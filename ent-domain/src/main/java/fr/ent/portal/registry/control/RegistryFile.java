package fr.ent.portal.registry.control;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A parsed export: the encoding it was read with, the number of data rows, the valid rows, the errors of the others,
 * and every pupil id the file names (valid row or not: a pupil on a wrong row is not "absent from the file").
 */
public record RegistryFile(String encoding, int rowCount, List<RegistryRow> rows, List<RowError> errors,
                           Set<String> pupilIds, StsReader.StsFile staff) implements Serializable {

    public RegistryFile {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
        pupilIds = Set.copyOf(pupilIds);
    }

    /** Pupils only (no STSWeb export). */
    public RegistryFile(String encoding, int rowCount, List<RegistryRow> rows, List<RowError> errors, Set<String> pupilIds) {
        this(encoding, rowCount, rows, errors, pupilIds, null);
    }

    /** A school's STSWeb export alone: staff, no pupil (so no pupil's enrollment ends). */
    public static RegistryFile staffOnly(StsReader.StsFile staff) {
        return new RegistryFile(staff.encoding(), staff.staff().size(), List.of(), List.of(), Set.of(), staff);
    }

    /** The same pupils, with the staff of an STSWeb export. */
    public RegistryFile withStaff(StsReader.StsFile sts) {
        return new RegistryFile(encoding, rowCount + sts.staff().size(), rows, errors, pupilIds, sts);
    }

    /** True when the upload held no pupil part (an STSWeb export alone): no pupil's enrollment may end. */
    public boolean withoutPupils() {
        return staff != null && rows.isEmpty() && pupilIds.isEmpty() && errors.isEmpty();
    }
}
