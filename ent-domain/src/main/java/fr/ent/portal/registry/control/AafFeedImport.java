package fr.ent.portal.registry.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Imports one batch of the region's feed (a day's full files, or a day's deltas) inside the caller's transaction:
 * streams each file into the feed's stored state ({@link StoredAafEntries}; a full file first replaces its type), then
 * for each establishment of the feed that the portal knows, plans its pupils and representatives against the database
 * as the region's import does ({@link ImportRun#plan}) and writes the plan ({@link ImportWriter}). Any error (a file
 * refused as a whole, a delta about someone absent, a record in error) throws {@link AafFeedRefused} before or instead
 * of the writes: the caller's transaction rolls back and the previous state stays whole.
 */
public final class AafFeedImport {

    /** Records per establishment at most (the feed's, far above a school's upload limit). */
    static final int MAX_ROWS = 1_000_000;

    /**
     * What the batch did: requests per file, and what the import wrote; the time (ms) spent reading the files into the
     * stored state, planning (the feed's records, the database's state, the comparison) and writing.
     */
    public record Outcome(Map<String, Integer> requests, int created, int updated, int links, int ended,
                          List<String> establishments, long readMillis, long planMillis, long writeMillis) {
    }

    private final EntityManager em;
    private final Instant now;
    private final LocalDate today;
    private final SchoolYear year;
    private final SafeXml.Limits limits;
    private final int batch;

    public AafFeedImport(EntityManager em, Instant now, LocalDate today, SchoolYear year, SafeXml.Limits limits, int batch) {
        this.em = em;
        this.now = now;
        this.today = today;
        this.year = year;
        this.limits = limits;
        this.batch = batch;
    }

    /**
     * The benchmark's "before": plans every establishment whole even for deltas, as the first version did
     * (docs/PERFORMANCE.md, "AAF feed"); the result is the same, only slower.
     */
    public AafFeedImport planningEverything() {
        this.everything = true;
        return this;
    }

    private boolean everything;

    public Outcome run(Path inbox, List<AafFeedFile> files) {
        long start = System.nanoTime();
        AafFeed feed = new AafFeed(new StoredAafEntries(em, batch));
        if (everything) {
            feed.planEverything();
        }
        AafReader reader = new AafReader(limits);
        Map<String, Integer> requests = new LinkedHashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (AafFeedFile file : files) {
            if (file.full()) {
                feed.beginFull(file);
            }
            try (InputStream in = Files.newInputStream(inbox.resolve(file.name()))) {
                requests.put(file.name(), reader.read(in, request -> feed.apply(file, request)));
            } catch (RegistryFileRefused refused) {
                errors.add(new RowError(0, file.name(), refused.key(),
                        java.util.Arrays.stream(refused.params()).map(String::valueOf).toList()));
                throw new AafFeedRefused(errors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long read = System.nanoTime();
        long writing = 0;
        errors.addAll(feed.errors());
        errors.addAll(feed.unknownEstablishments());
        if (!errors.isEmpty()) {
            throw new AafFeedRefused(errors);
        }
        int created = 0;
        int updated = 0;
        int links = 0;
        int ended = 0;
        List<String> done = new ArrayList<>();
        boolean scoped = feed.scoped(); // deltas only: plan only the persons they touched
        for (String uai : feed.establishmentsToPlan()) {
            Establishment establishment = em.createNamedQuery(Establishment.BY_UAI, Establishment.class)
                    .setParameter("uai", uai).getResultStream().findFirst().orElse(null);
            if (establishment == null) {
                continue; // an establishment of the académie the portal does not serve
            }
            RegistryFile file;
            try {
                file = feed.fileFor(uai, new RegistryParser(establishment.kind(), today, MAX_ROWS));
            } catch (RegistryFileRefused refused) {
                if (!"no-rows".equals(refused.code())) {
                    throw new AafFeedRefused(List.of(new RowError(0, uai, refused.key(),
                            java.util.Arrays.stream(refused.params()).map(String::valueOf).toList())));
                }
                // no pupil here: a delta that only took pupils away (they leave), or a feed without pupils here
                // (nobody's enrollment ends)
                file = scoped ? new RegistryFile("UTF-8", 0, List.of(), List.of(), java.util.Set.of()) : null;
            }
            StsReader.StsFile staff = feed.staffFor(uai, establishment.kind());
            String academie = establishment.academie();
            ImportPlan plan = ImportRun.planFeed(em, establishment, file, staff, today, year,
                    scoped ? feed.leaverRegistryIds().stream().map(id -> ExternalIds.pupil(academie, id))
                            .collect(java.util.stream.Collectors.toSet()) : null,
                    scoped ? feed.touchedStaff().stream().map(id -> ExternalIds.aafStaff(academie, id))
                            .collect(java.util.stream.Collectors.toSet()) : null);
            if (!plan.confirmable()) {
                throw new AafFeedRefused(plan.errors());
            }
            long writeStart = System.nanoTime();
            ImportWriter.Written written = new ImportWriter(em, now, today, year, establishment.id(), batch)
                    .write(plan, new ImportProgress());
            writing += System.nanoTime() - writeStart;
            created += written.created();
            updated += written.updated();
            links += written.links();
            ended += written.ended();
            done.add(uai);
        }
        long end = System.nanoTime();
        return new Outcome(requests, created, updated, links, ended, done, (read - start) / 1_000_000,
                (end - read - writing) / 1_000_000, writing / 1_000_000);
    }
}
