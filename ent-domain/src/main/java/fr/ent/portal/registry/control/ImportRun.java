package fr.ent.portal.registry.control;

import java.time.LocalDate;

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
        return planner.plan(file, state);
    }
}
