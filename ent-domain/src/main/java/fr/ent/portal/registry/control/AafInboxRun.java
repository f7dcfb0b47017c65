package fr.ent.portal.registry.control;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.ent.portal.registry.entity.AafFeedRecord.State;

/**
 * One look into the region's inbox (issue 25, item 4): the feed's files not yet imported, in order
 * ({@link AafFeedFile#schedule}), a day's full files then its deltas, batch after batch, each batch claimed then
 * imported in one transaction by {@link Steps}. A delta before any full file waits; a delta older than the last full
 * feed is superseded. The run stops at the first batch it cannot finish, so that nothing is imported out of order:
 * another node holds it (running), it failed (its errors are recorded and mailed; the same file stays failed until a
 * file with other content is dropped under its name), or it failed now.
 */
public final class AafInboxRun {

    /** What the database says of a file name already taken. */
    public record Known(State state, String checksum, java.time.Instant claimedAt) {

        public Known(State state, String checksum) {
            this(state, checksum, null);
        }

        /** Claimed by a node and not finished since before {@code staleBefore}: that node died, take it again. */
        boolean stale(java.time.Instant staleBefore) {
            return state == State.RUNNING && claimedAt != null && claimedAt.isBefore(staleBefore);
        }
    }

    /** The transactional steps (the boundary's, or a test's). */
    public interface Steps {

        Map<String, Known> known();

        /** The date of the last full feed imported, or null. */
        LocalDate lastFullDate();

        /** Claims the files (a row each, unique by name); false when another node claimed one of them first. */
        boolean claim(List<AafInbox.Found> files);

        /** Imports a claimed batch in one transaction and records it; {@link AafFeedRefused} rolls it back. */
        void importBatch(List<AafFeedFile> files);

        /** Records the batch as failed (nothing of it written), and tells the region. */
        void fail(List<AafFeedFile> files, List<RowError> errors);

        /** Records deltas older than the last full feed as superseded (claimed, not imported). */
        void supersede(List<AafInbox.Found> files);
    }

    /** What the look did. */
    public record Result(List<AafFeedFile> imported, List<AafFeedFile> failed, List<AafFeedFile> waiting,
                         List<AafFeedFile> superseded) {
    }

    private AafInboxRun() {
    }

    public static Result run(Path inbox, Steps steps) {
        return run(inbox, steps, java.time.Instant.MIN);
    }

    /**
     * One look; a file RUNNING since before {@code staleBefore} ({@code ent.directory.inbox.stale-after} ago) is taken
     * again ({@link Steps#claim} replaces its row), instead of holding back the feed for ever.
     */
    public static Result run(Path inbox, Steps steps, java.time.Instant staleBefore) {
        List<AafInbox.Found> found = AafInbox.scan(inbox);
        Map<String, AafInbox.Found> byName = found.stream()
                .collect(Collectors.toMap(f -> f.file().name(), Function.identity()));
        Map<String, Known> known = steps.known();
        Set<String> done = new HashSet<>();
        known.forEach((name, k) -> {
            if (k.state() == State.IMPORTED || k.state() == State.SUPERSEDED) {
                done.add(name);
            }
        });
        AafFeedFile.Schedule schedule = AafFeedFile.schedule(found.stream().map(AafInbox.Found::file).toList(), done,
                steps.lastFullDate());
        List<AafFeedFile> superseded = schedule.superseded().stream()
                .filter(f -> !known.containsKey(f.name())).toList();
        if (!superseded.isEmpty()) {
            steps.supersede(superseded.stream().map(f -> byName.get(f.name())).toList());
        }
        List<AafFeedFile> imported = new ArrayList<>();
        List<AafFeedFile> failed = new ArrayList<>();
        List<AafFeedFile> waiting = new ArrayList<>(schedule.waiting());
        List<List<AafFeedFile>> batches = AafInbox.batches(schedule.ready());
        for (int i = 0; i < batches.size(); i++) {
            List<AafFeedFile> batch = batches.get(i);
            boolean blocked = batch.stream().anyMatch(f -> {
                Known k = known.get(f.name());
                return k != null && ((k.state() == State.RUNNING && !k.stale(staleBefore))
                        || (k.state() == State.FAILED && k.checksum().equals(byName.get(f.name()).checksum())));
            });
            if (blocked || !steps.claim(batch.stream().map(f -> byName.get(f.name())).toList())) {
                batches.subList(i, batches.size()).forEach(waiting::addAll);
                break;
            }
            try {
                steps.importBatch(batch);
                imported.addAll(batch);
            } catch (AafFeedRefused refused) {
                steps.fail(batch, refused.errors());
                failed.addAll(batch);
            } catch (RuntimeException e) {
                steps.fail(batch, List.of(RowError.of(0, batch.get(0).name(), "admin.region.feed.internal",
                        e.getClass().getSimpleName())));
                failed.addAll(batch);
            }
            if (!failed.isEmpty()) {
                batches.subList(i + 1, batches.size()).forEach(waiting::addAll);
                break;
            }
        }
        return new Result(imported, failed, waiting, superseded);
    }
}
