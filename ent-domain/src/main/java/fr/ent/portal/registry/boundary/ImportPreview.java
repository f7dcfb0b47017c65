package fr.ent.portal.registry.boundary;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.RegistryFile;

/**
 * The answer to an upload: either the whole file refused ({@link #refusalKey}), or its plan; a plan without errors
 * has a {@link #token} that its confirmation names (single use).
 */
public record ImportPreview(long establishmentId, String fileName, String fileDigest, String token, RegistryFile file,
                            ImportPlan plan, String refusalKey, List<String> refusalParams) implements Serializable {

    static ImportPreview refused(long establishmentId, String fileName, String key, Object... params) {
        return new ImportPreview(establishmentId, fileName, null, null, null, null, key,
                Arrays.stream(params).map(String::valueOf).toList());
    }

    public boolean isRefused() {
        return refusalKey != null;
    }

    public boolean isConfirmable() {
        return token != null;
    }

    /** For logs: counts, never a row. */
    @Override
    public String toString() {
        return "ImportPreview[" + establishmentId + " " + fileName + (isRefused() ? " refused " + refusalKey
                : " rows=" + file.rowCount() + " errors=" + plan.errors().size()) + "]";
    }
}
