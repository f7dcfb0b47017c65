package fr.ent.portal.registry.control;

import java.util.List;

import fr.ent.portal.platform.BusinessException;

/**
 * A batch of the region's feed that cannot be imported: its errors (a file refused as a whole, requests about someone
 * absent, records in error for an establishment). The transaction rolls back: nothing of the batch is written.
 */
public class AafFeedRefused extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final transient List<RowError> errors;

    public AafFeedRefused(List<RowError> errors) {
        super("admin.region.feed.refused", errors.size());
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors == null ? List.of() : errors;
    }
}
