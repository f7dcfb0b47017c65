package fr.ent.portal.registry.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What an import would do (the preview) and then does (the confirmation recomputes it and checks it did not change):
 * people to create, update or leave, links to create, enrollments to end, and the rows in error. Computed by
 * {@link ImportPlanner}; nothing here touches the database.
 */
public record ImportPlan(List<PupilPlan> pupils, List<RepresentativePlan> representatives, List<LinkPlan> links,
                         List<EnrollmentEnd> ends, List<RowError> errors, Set<String> newDivisions,
                         List<TransferPlan> transfers, StaffPlan staff)
        implements Serializable {

    /** Without staff (no STSWeb export). */
    public ImportPlan(List<PupilPlan> pupils, List<RepresentativePlan> representatives, List<LinkPlan> links,
                      List<EnrollmentEnd> ends, List<RowError> errors, Set<String> newDivisions,
                      List<TransferPlan> transfers) {
        this(pupils, representatives, links, ends, errors, newDivisions, transfers, null);
    }

    /** The same plan with the staff part of an STSWeb export (its errors count as the plan's). */
    public ImportPlan withStaff(StaffPlan staffPlan) {
        List<RowError> all = new java.util.ArrayList<>(errors);
        all.addAll(staffPlan.errors());
        all.sort(java.util.Comparator.comparingInt(RowError::line));
        return new ImportPlan(pupils, representatives, links, ends, all, newDivisions, transfers, staffPlan);
    }

    /**
     * A row that would change a pupil enrolled today in another establishment this school year (enroll them here, or
     * change their names or birth date): a transfer, listed apart. Only the region's import applies it (its pupil plan
     * is then among {@link #pupils}); a school admin's import skips the row (its representatives and links too) and
     * says why. The same for a representative whose children are all enrolled elsewhere, linked by the row to a pupil
     * here ({@link Change#LINKED}): a school's import creates neither the link nor any change of that person.
     *
     * @param elsewhere the other establishment, as "name (UAI)"
     * @param applied   true when this import writes it (the region's), false when skipped
     */
    public record TransferPlan(int line, String externalId, PersonEntry entry, String division, Long accountId,
                               String elsewhere, List<Change> changes, boolean applied) implements Serializable {

        public TransferPlan {
            changes = List.copyOf(changes);
        }
    }

    /** Without transfers. */
    public ImportPlan(List<PupilPlan> pupils, List<RepresentativePlan> representatives, List<LinkPlan> links,
                      List<EnrollmentEnd> ends, List<RowError> errors, Set<String> newDivisions) {
        this(pupils, representatives, links, ends, errors, newDivisions, List.of());
    }

    /** A pupil row: the action, the changes of an update, the account when known. */
    public record PupilPlan(int line, String externalId, PersonEntry entry, String division, Action action,
                            List<Change> changes, Long accountId, Long enrollmentId) implements Serializable {
    }

    /** A representative (once, at the first row that names them). */
    public record RepresentativePlan(int line, String externalId, PersonEntry entry, Action action, List<Change> changes,
                                     Long accountId) implements Serializable {
    }

    /** A responsibility to declare between a representative and a pupil of the file. */
    public record LinkPlan(int line, String representativeExternalId, String pupilExternalId) implements Serializable {
    }

    /** A registry pupil enrolled here and absent from the file: the enrollment ends today. */
    public record EnrollmentEnd(long enrollmentId, long pupilId, String identifier, String firstName, String lastName,
                                String division) implements Serializable {
    }

    public ImportPlan {
        pupils = List.copyOf(pupils);
        representatives = List.copyOf(representatives);
        links = List.copyOf(links);
        ends = List.copyOf(ends);
        errors = List.copyOf(errors);
        newDivisions = Set.copyOf(newDivisions);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
    }

    /** Transfers this import skips: they need the region. */
    public int transfersSkipped() {
        return (int) transfers.stream().filter(t -> !t.applied()).count();
    }

    /** Nothing wrong: the import may be confirmed. */
    public boolean confirmable() {
        return errors.isEmpty();
    }

    public int toCreate() {
        return count(Action.CREATE);
    }

    public int toUpdate() {
        return count(Action.UPDATE);
    }

    public int unchanged() {
        return count(Action.UNCHANGED);
    }

    private int count(Action action) {
        return (int) (pupils.stream().filter(p -> p.action() == action).count()
                + representatives.stream().filter(r -> r.action() == action).count());
    }

    public int pupilsToCreate() {
        return (int) pupils.stream().filter(p -> p.action() == Action.CREATE).count();
    }

    public int representativesToCreate() {
        return (int) representatives.stream().filter(r -> r.action() == Action.CREATE).count();
    }

    /** A fingerprint of everything the import would write: the confirmation refuses when it differs from the preview's. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PupilPlan p : pupils) {
                sha.update(("P|" + p.externalId() + "|" + p.action() + "|" + p.changes() + "|" + p.accountId() + "|"
                        + p.division() + "|" + p.entry().lastName() + "|" + p.entry().firstName() + "|"
                        + p.entry().birthDate() + "\n").getBytes(UTF_8));
            }
            for (RepresentativePlan r : representatives) {
                sha.update(("R|" + r.externalId() + "|" + r.action() + "|" + r.changes() + "|" + r.accountId() + "|"
                        + r.entry().lastName() + "|" + r.entry().firstName() + "|" + r.entry().email() + "\n").getBytes(UTF_8));
            }
            for (LinkPlan l : links) {
                sha.update(("L|" + l.representativeExternalId() + "|" + l.pupilExternalId() + "\n").getBytes(UTF_8));
            }
            for (EnrollmentEnd e : ends) {
                sha.update(("E|" + e.enrollmentId() + "\n").getBytes(UTF_8));
            }
            for (TransferPlan t : transfers) {
                sha.update(("T|" + t.externalId() + "|" + t.accountId() + "|" + t.changes() + "|" + t.applied() + "|"
                        + t.elsewhere() + "\n").getBytes(UTF_8));
            }
            if (staff != null) {
                for (StaffPlan.Member m : staff.members()) {
                    sha.update(("S|" + m.externalId() + "|" + m.action() + "|" + m.changes() + "|" + m.accountId() + "|"
                            + m.lastName() + "|" + m.firstName() + "\n").getBytes(UTF_8));
                }
                for (StaffPlan.Role r : staff.toAdd()) {
                    sha.update(("A|" + r.externalId() + "|" + r.division() + "|" + r.principal() + "\n").getBytes(UTF_8));
                }
                for (StaffPlan.Removal r : staff.toRemove()) {
                    sha.update(("D|" + r.assignmentId() + "\n").getBytes(UTF_8));
                }
            }
            sha.update(("X|" + errors.size()).getBytes(UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
