package fr.ent.portal.registry.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.ent.portal.registry.control.ImportPlan.EnrollmentEnd;
import fr.ent.portal.registry.control.ImportPlan.LinkPlan;
import fr.ent.portal.registry.control.ImportPlan.PupilPlan;
import fr.ent.portal.registry.control.ImportPlan.RepresentativePlan;
import fr.ent.portal.registry.control.ImportPlan.TransferPlan;
import fr.ent.portal.registry.control.RegistryState.KnownAccount;
import fr.ent.portal.registry.control.RegistryState.KnownEnrollment;

/**
 * Compares a parsed export with the database's state and says what an import would do. A pure function of the file
 * and the state: the preview and the confirmation run it the same way. Pupils with an external id enrolled here and
 * absent from the file have their enrollment ended; accounts made by hand (no external id) are never touched.
 */
public final class ImportPlanner {

    /** Changes that move a pupil here or rewrite who they are. */
    private static final Set<Change> TRANSFER_CHANGES = Set.of(Change.ENROLLED, Change.RE_ENROLLED, Change.LAST_NAME,
            Change.FIRST_NAME, Change.BIRTH_DATE);

    private final String academie;
    private final boolean region;

    /**
     * A school admin's planner: rows changing a pupil enrolled in another establishment this school year are skipped.
     *
     * @param academie the establishment's académie, the namespace of the registry's ids ({@link ExternalIds})
     */
    public ImportPlanner(String academie) {
        this(academie, false);
    }

    /** @param region true for the region's import, which applies transfers (still listed apart) */
    public ImportPlanner(String academie, boolean region) {
        this.academie = academie;
        this.region = region;
    }

    /** The external ids of every person of the file (to read the state of). */
    public Set<String> externalIds(RegistryFile file) {
        Set<String> ids = new HashSet<>();
        for (RegistryRow row : file.rows()) {
            ids.add(ExternalIds.pupil(academie, row.pupil().registryId()));
            row.representatives().forEach(r -> ids.add(ExternalIds.representative(academie, r.registryId())));
        }
        return ids;
    }

    /** The old logins of the file (to check that nobody else uses them). */
    public Set<String> legacyIdentifiers(RegistryFile file) {
        Set<String> ids = new HashSet<>();
        for (RegistryRow row : file.rows()) {
            if (row.pupil().legacyIdentifier() != null) {
                ids.add(row.pupil().legacyIdentifier());
            }
            row.representatives().stream().map(PersonEntry::legacyIdentifier).filter(Objects::nonNull).forEach(ids::add);
        }
        return ids;
    }

    public ImportPlan plan(RegistryFile file, RegistryState state) {
        List<RowError> errors = new ArrayList<>(file.errors());
        List<PupilPlan> pupils = new ArrayList<>();
        Map<String, RepresentativePlan> representatives = new LinkedHashMap<>();
        List<LinkPlan> links = new ArrayList<>();
        List<TransferPlan> transfers = new ArrayList<>();
        Set<String> familiesSeen = new HashSet<>();
        Set<String> knownDivisions = new HashSet<>();
        state.enrollments().values().forEach(e -> knownDivisions.add(e.division()));
        state.enrolledHere().forEach(e -> knownDivisions.add(e.division()));
        Set<String> newDivisions = new HashSet<>();

        for (RegistryRow row : file.rows()) {
            String pupilId = ExternalIds.pupil(academie, row.pupil().registryId());
            KnownAccount known = state.accounts().get(pupilId);
            if (!legacyFree(row.pupil(), known, state, row.line(), RegistryParser.PUPIL_LEGACY_ID, errors)) {
                continue;
            }
            boolean repsFree = true;
            for (int i = 0; i < row.representatives().size(); i++) {
                PersonEntry rep = row.representatives().get(i);
                KnownAccount knownRep = state.accounts().get(ExternalIds.representative(academie, rep.registryId()));
                repsFree &= legacyFree(rep, knownRep, state, row.line(), RegistryParser.repLegacyId(i + 1), errors);
            }
            if (!repsFree) {
                continue;
            }
            PupilPlan pupil = pupilPlan(row, pupilId, known, state);
            String elsewhere = known == null ? null : state.enrolledElsewhere().get(known.id());
            if (elsewhere != null && pupil.changes().stream().anyMatch(TRANSFER_CHANGES::contains)) {
                // a pupil of another establishment this year: only the region moves them or rewrites their identity
                transfers.add(new TransferPlan(row.line(), pupilId, row.pupil(), row.division(), known.id(), elsewhere,
                        pupil.changes(), region));
                if (!region) {
                    continue; // the row is skipped whole: its representatives and links wait for the region too
                }
            }
            if (!knownDivisions.contains(row.division())) {
                newDivisions.add(row.division());
            }
            pupils.add(pupil);
            for (PersonEntry rep : row.representatives()) {
                String repId = ExternalIds.representative(academie, rep.registryId());
                KnownAccount knownRep = state.accounts().get(repId);
                String family = knownRep == null ? null : state.familiesElsewhere().get(knownRep.id());
                if (family != null && (known == null || !state.links().contains(RegistryState.link(knownRep.id(), known.id())))) {
                    // another establishment's family: linking it to a pupil here would bring it into this school's
                    // reach (its codes, its email): the region only; listed apart once, with what the row would change
                    if (familiesSeen.add(repId)) {
                        List<Change> changes = new ArrayList<>(List.of(Change.LINKED));
                        changes.addAll(representativePlan(row.line(), repId, rep, knownRep).changes());
                        transfers.add(new TransferPlan(row.line(), repId, rep, row.division(), knownRep.id(), family,
                                changes, region));
                    }
                    if (!region) {
                        continue;
                    }
                }
                representatives.computeIfAbsent(repId, id -> representativePlan(row.line(), id, rep, knownRep));
                if (known == null || knownRep == null || !state.links().contains(RegistryState.link(knownRep.id(), known.id()))) {
                    links.add(new LinkPlan(row.line(), repId, pupilId));
                }
            }
        }
        List<EnrollmentEnd> ends = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        file.pupilIds().forEach(id -> listed.add(ExternalIds.pupil(academie, id)));
        state.enrolledHere().stream()
                .filter(e -> !file.withoutPupils()) // an STSWeb export alone lists no pupil: nobody leaves
                .filter(e -> !listed.contains(e.externalId()))
                .sorted(Comparator.comparing(RegistryState.EnrolledPupil::lastName)
                        .thenComparing(RegistryState.EnrolledPupil::firstName))
                .forEach(e -> ends.add(new EnrollmentEnd(e.enrollmentId(), e.pupilId(), e.identifier(), e.firstName(),
                        e.lastName(), e.division())));
        errors.sort(Comparator.comparingInt(RowError::line));
        return new ImportPlan(pupils, List.copyOf(representatives.values()), links, ends, errors, newDivisions, transfers);
    }

    private PupilPlan pupilPlan(RegistryRow row, String externalId, KnownAccount known, RegistryState state) {
        PersonEntry entry = row.pupil();
        if (known == null) {
            return new PupilPlan(row.line(), externalId, entry, row.division(), Action.CREATE, List.of(), null, null);
        }
        List<Change> changes = new ArrayList<>(nameChanges(entry, known));
        if (!Objects.equals(entry.birthDate(), known.birthDate())) {
            changes.add(Change.BIRTH_DATE);
        }
        KnownEnrollment enrollment = state.enrollments().get(known.id());
        if (enrollment == null) {
            changes.add(Change.ENROLLED);
        } else {
            if (enrollment.endDate() != null) {
                changes.add(Change.RE_ENROLLED);
            }
            if (!enrollment.division().equals(row.division())) {
                changes.add(Change.DIVISION);
            }
        }
        return new PupilPlan(row.line(), externalId, entry, row.division(), changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE,
                changes, known.id(), enrollment == null ? null : enrollment.id());
    }

    private RepresentativePlan representativePlan(int line, String externalId, PersonEntry entry, KnownAccount known) {
        if (known == null) {
            return new RepresentativePlan(line, externalId, entry, Action.CREATE, List.of(), null);
        }
        List<Change> changes = new ArrayList<>(nameChanges(entry, known));
        if (entry.email() != null && known.recoveryEmail() == null) {
            changes.add(Change.EMAIL);
        }
        return new RepresentativePlan(line, externalId, entry, changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE,
                changes, known.id());
    }

    private static List<Change> nameChanges(PersonEntry entry, KnownAccount known) {
        List<Change> changes = new ArrayList<>();
        if (!entry.lastName().equals(known.lastName())) {
            changes.add(Change.LAST_NAME);
        }
        if (!entry.firstName().equals(known.firstName())) {
            changes.add(Change.FIRST_NAME);
        }
        return changes;
    }

    /**
     * An old login is only taken for a new account, and must not be anyone else's login or identifier already
     * (the legacy columns of a person already imported are ignored: their credential was set at creation).
     */
    private static boolean legacyFree(PersonEntry entry, KnownAccount known, RegistryState state, int line, String column,
                                      List<RowError> errors) {
        if (entry.legacyIdentifier() == null || known != null) {
            return true;
        }
        if (state.legacyIdentifiers().containsKey(entry.legacyIdentifier())) {
            errors.add(RowError.of(line, column, "admin.import.row.legacy_identifier_taken", entry.legacyIdentifier()));
            return false;
        }
        return true;
    }
}
