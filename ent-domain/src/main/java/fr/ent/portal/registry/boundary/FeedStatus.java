package fr.ent.portal.registry.boundary;

import java.io.Serializable;
import java.util.List;

import fr.ent.portal.registry.control.RowError;
import fr.ent.portal.registry.entity.AafFeedRecord;

/**
 * The region's feed as the status page shows it: whether the inbox is on, the latest files taken (newest first) with
 * their counts and errors, and the files that wait in the inbox (deltas before their full file, files after a failure).
 */
public record FeedStatus(boolean enabled, List<FileRow> files, List<String> waiting) implements Serializable {

    /** A file taken from the inbox. */
    public record FileRow(String name, String state, String claimedAt, String finishedAt, int requests, int created,
                          int updated, int links, int ended, int errorCount, List<RowError> errors)
            implements Serializable {

        static FileRow of(AafFeedRecord r, java.util.function.Function<java.time.Instant, String> time) {
            return new FileRow(r.name(), r.state().name(), time.apply(r.claimedAt()),
                    r.finishedAt() == null ? "" : time.apply(r.finishedAt()), r.requests(), r.created(), r.updated(),
                    r.links(), r.ended(), r.errorCount(), FeedErrors.decode(r.errors()));
        }
    }

    public FeedStatus {
        files = List.copyOf(files);
        waiting = List.copyOf(waiting);
    }
}
