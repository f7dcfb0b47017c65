package fr.ent.portal.registry.control;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import fr.ent.portal.registry.entity.AafFeedRecord;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The steps of the region's inbox on the records of its files ({@code aaf_feed_file}), each inside the caller's
 * transaction (the boundary gives each its own): what is known, the claim, the import of a claimed batch, a failure,
 * superseded deltas.
 */
public final class AafFeedRecords {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AafFeedRecords.class.getName());

    /** Feed files are far larger than a school's upload: 2 GiB per file at most. */
    public static final SafeXml.Limits LIMITS = new SafeXml.Limits(2L << 30, 24, 4096);

    private AafFeedRecords() {
    }

    public static Map<String, AafInboxRun.Known> known(EntityManager em) {
        Map<String, AafInboxRun.Known> known = new HashMap<>();
        em.createNamedQuery(AafFeedRecord.NAMES, Object[].class).getResultList().forEach(r -> known.put((String) r[0],
                new AafInboxRun.Known((AafFeedRecord.State) r[1], (String) r[2], (Instant) r[3])));
        return known;
    }

    public static LocalDate lastFullDate(EntityManager em) {
        return em.createNamedQuery(AafFeedRecord.LAST_FULL_DATE, LocalDate.class)
                .setParameter("imported", AafFeedRecord.State.IMPORTED).getSingleResult();
    }

    /**
     * Inserts a row per file (a failed file dropped again with other content replaces its row). Two nodes claiming the
     * same file: the second insert breaks the unique name and its transaction rolls back.
     */
    public static void claim(EntityManager em, List<AafInbox.Found> files, String node, Instant now) {
        claim(em, files, node, now, Instant.MIN);
    }

    /**
     * The same; a file still RUNNING since before {@code staleBefore} (its node died while importing it: its batch
     * rolled back) is taken again: its row is replaced (versioned: of two nodes doing so, the second fails).
     */
    public static void claim(EntityManager em, List<AafInbox.Found> files, String node, Instant now, Instant staleBefore) {
        for (AafInbox.Found found : files) {
            em.createNamedQuery(AafFeedRecord.BY_NAME, AafFeedRecord.class).setParameter("name", found.file().name())
                    .getResultStream().filter(r -> (r.state() == AafFeedRecord.State.FAILED
                            && !r.checksum().equals(found.checksum()))
                            || (r.state() == AafFeedRecord.State.RUNNING && r.claimedAt().isBefore(staleBefore)))
                    .forEach(r -> {
                        if (r.state() == AafFeedRecord.State.RUNNING) {
                            LOG.warning(() -> "AAF inbox: " + r.name() + " RUNNING on " + r.node() + " since "
                                    + r.claimedAt() + ", taken again by " + node);
                        }
                        em.remove(r);
                    });
            em.flush();
            em.persist(new AafFeedRecord(found.file().name(), found.checksum(), found.file().full(),
                    found.file().date(), node, now));
        }
        em.flush();
    }

    /** Imports a claimed batch, all or nothing ({@link AafFeedRefused}), and records each file imported. */
    public static AafFeedImport.Outcome importBatch(EntityManager em, Path inbox, List<AafFeedFile> files, Instant now,
                                                    LocalDate today, SchoolYear year, int batch) {
        AafFeedImport.Outcome outcome = new AafFeedImport(em, now, today, year, LIMITS, batch).run(inbox, files);
        for (AafFeedFile file : files) {
            record(em, file.name()).imported(outcome.requests().getOrDefault(file.name(), 0), outcome.created(),
                    outcome.updated(), outcome.links(), outcome.ended(), now);
        }
        return outcome;
    }

    /** Records a batch as failed with its first errors ({@code text}). */
    public static void fail(EntityManager em, List<AafFeedFile> files, int errorCount, String text, Instant now) {
        for (AafFeedFile file : files) {
            record(em, file.name()).failed(errorCount, text, now);
        }
    }

    public static void supersede(EntityManager em, List<AafInbox.Found> files, String node, Instant now) {
        for (AafInbox.Found found : files) {
            AafFeedRecord record = new AafFeedRecord(found.file().name(), found.checksum(), found.file().full(),
                    found.file().date(), node, now);
            record.superseded(now);
            em.persist(record);
        }
    }

    private static AafFeedRecord record(EntityManager em, String name) {
        return em.createNamedQuery(AafFeedRecord.BY_NAME, AafFeedRecord.class).setParameter("name", name).getSingleResult();
    }
}
