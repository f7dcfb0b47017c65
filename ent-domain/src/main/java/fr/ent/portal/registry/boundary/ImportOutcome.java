package fr.ent.portal.registry.boundary;

import java.io.Serializable;
import java.util.Map;

/**
 * What a confirmation wrote (identifiers of the new accounts by external id), or that the import had already been
 * confirmed (a second click): then nothing was written.
 */
public record ImportOutcome(boolean alreadyDone, int created, int updated, int links, int ended,
                            Map<String, String> identifiers) implements Serializable {

    static ImportOutcome alreadyConfirmed() {
        return new ImportOutcome(true, 0, 0, 0, 0, Map.of());
    }
}
