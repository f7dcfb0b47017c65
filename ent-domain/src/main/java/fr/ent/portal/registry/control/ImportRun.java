package fr.ent.portal.registry.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The steps of a preview, shared by the boundary and the benchmark: read the file, read the state it concerns, plan.
 */
public final class ImportRun {

    private ImportRun() {
    }

    /** Decodes and parses the file for this establishment; {@link RegistryFileRefused} when refused as a whole. */
    public static RegistryFile read(byte[] content, Establishment establishment, LocalDate today, long maxBytes,
                                    int maxRows) {
        RegistryText.Decoded text = RegistryText.decode(content, maxBytes);
        return new RegistryParser(establishment.kind(), today, maxRows).parse(text);
    }

    /**
     * Reads one upload or several (docs/IMPORT.md): the portal's CSV alone, or a school's SIECLE exports (the pupils'
     * XML, with the representatives' XML beside it), each XML or zipped. The XML files are told apart by their root.
     */
    public static RegistryFile read(List<byte[]> contents, Establishment establishment, LocalDate today, long maxBytes,
                                    int maxRows) {
        List<byte[]> present = contents.stream().filter(c -> c != null && c.length > 0).toList();
        if (present.isEmpty()) {
            throw new RegistryFileRefused("empty", "admin.import.file.empty");
        }
        long total = present.stream().mapToLong(c -> c.length).sum();
        if (total > maxBytes) {
            throw new RegistryFileRefused("too-large", "admin.import.file.too_large", RegistryText.megabytes(maxBytes));
        }
        if (present.size() == 1 && !SafeZip.isZip(present.get(0)) && !isXml(present.get(0))) {
            return read(present.get(0), establishment, today, maxBytes, maxRows);
        }
        List<byte[]> documents = new ArrayList<>();
        for (byte[] content : present) {
            if (SafeZip.isZip(content)) {
                SafeZip.open(content, SafeZip.Limits.of(maxBytes)).forEach(e -> documents.add(e.content()));
            } else {
                documents.add(content);
            }
        }
        SafeXml.Limits limits = SafeXml.Limits.of(maxBytes);
        byte[] pupils = null;
        byte[] representatives = null;
        byte[] staff = null;
        for (byte[] document : documents) {
            if (!isXml(document)) {
                throw new RegistryFileRefused("format", "admin.import.file.format");
            }
            String root = SiecleReader.rootOf(document, limits);
            if (SiecleReader.PUPILS_ROOT.equals(root) && pupils == null) {
                pupils = document;
            } else if (SiecleReader.REPRESENTATIVES_ROOT.equals(root) && representatives == null) {
                representatives = document;
            } else if (StsReader.ROOT.equals(root) && staff == null) {
                staff = document;
            } else {
                throw new RegistryFileRefused("format", "admin.import.file.format");
            }
        }
        StsReader.StsFile sts = staff == null ? null
                : new StsReader(establishment.uai(), establishment.kind(), limits).read(staff);
        if (pupils == null) {
            if (sts != null && representatives == null) {
                return RegistryFile.staffOnly(sts); // a school's STSWeb export alone: its staff
            }
            throw new RegistryFileRefused("format", "admin.import.file.siecle_pupils_missing");
        }
        RegistryFile file = new SiecleReader(establishment.uai(), today, limits)
                .read(pupils, representatives, new RegistryParser(establishment.kind(), today, maxRows));
        return sts == null ? file : file.withStaff(sts);
    }

    /** An XML document: {@code <} first, after a byte order mark and blanks. */
    static boolean isXml(byte[] bytes) {
        int i = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    /** What a school admin's import of the file would do now (transfers from other establishments skipped). */
    public static ImportPlan plan(EntityManager em, Establishment establishment, RegistryFile file, LocalDate today,
                                  SchoolYear year) {
        return plan(em, establishment, file, today, year, false);
    }

    /** What importing the file would do now; {@code region}: the region's import, which applies transfers. */
    public static ImportPlan plan(EntityManager em, Establishment establishment, RegistryFile file, LocalDate today,
                                  SchoolYear year, boolean region) {
        ImportPlanner planner = new ImportPlanner(establishment.academie(), region);
        RegistryState state = RegistryStates.load(em, establishment.id(), year, today, planner.externalIds(file),
                planner.legacyIdentifiers(file));
        ImportPlan plan = planner.plan(file, state);
        if (file.staff() == null) {
            return plan;
        }
        StaffPlanner staffPlanner = new StaffPlanner(establishment.academie(), establishment.uai());
        return plan.withStaff(staffPlanner.plan(file.staff(), RegistryStates.loadStaff(em, establishment.id(), year,
                staffPlanner.externalIds(file.staff()), ExternalIds.staffPrefix(establishment.academie())
                        + establishment.uai().toUpperCase(java.util.Locale.ROOT) + "-")));
    }

    /**
     * The region's feed for one establishment (issue 25): its pupils and representatives ({@code pupils}, null when the
     * feed holds none here: nobody's enrollment ends) and its staff ({@code staff}, from the feed's
     * {@code PersEducNat}: external ids {@code <académie>:personnel:aaf-<id>}), planned with transfers applied.
     * {@code pupilScope} and {@code staffScope} (external ids, null: everyone): a delta's plan compares only the persons
     * the deltas touched, so that only they may leave.
     */
    public static ImportPlan planFeed(EntityManager em, Establishment establishment, RegistryFile pupils,
                                      StsReader.StsFile staff, LocalDate today, SchoolYear year,
                                      java.util.Set<String> pupilScope, java.util.Set<String> staffScope) {
        ImportPlan plan;
        if (pupils == null) {
            plan = new ImportPlan(List.of(), List.of(), List.of(), List.of(), List.of(), java.util.Set.of());
        } else {
            ImportPlanner planner = new ImportPlanner(establishment.academie(), true);
            plan = planner.plan(pupils, RegistryStates.load(em, establishment.id(), year, today,
                    planner.externalIds(pupils), planner.legacyIdentifiers(pupils), pupilScope));
        }
        if (staff == null) {
            return plan;
        }
        StaffPlanner staffPlanner = StaffPlanner.forAaf(establishment.academie());
        return plan.withStaff(staffPlanner.plan(staff, RegistryStates.loadStaff(em, establishment.id(), year,
                staffPlanner.externalIds(staff), ExternalIds.aafStaff(establishment.academie(), ""), staffScope)));
    }
}
