package fr.ent.portal.registry.boundary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.registry.control.AafFeedFile;
import fr.ent.portal.registry.control.AafFeedImport;
import fr.ent.portal.registry.control.AafFeedRecords;
import fr.ent.portal.registry.control.AafInbox;
import fr.ent.portal.registry.control.AafInboxRun;
import fr.ent.portal.registry.control.RowError;
import fr.ent.portal.registry.entity.AafFeedRecord;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The region's nightly AAF feed (issue 25, item 4; docs/IMPORT.md): the inbox's files imported in order, once each,
 * one batch (a day's full files, or a day's deltas) per transaction; a failed batch leaves the directory as it was,
 * is recorded with its errors, audited and mailed to the region. The status page reads what was done.
 */
@Stateless
public class RegionFeed {

    /** Status rows shown. */
    static final int LATEST = 50;
    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

    @EJB
    Mailer mailer;

    @EJB
    AdminScopes scopes;

    @Resource
    SessionContext context;

    /** The configured inbox, or null when the feed is off. */
    public Path inbox() {
        String dir = settings.get(Setting.DIRECTORY_INBOX).strip();
        return dir.isEmpty() ? null : Path.of(dir);
    }

    /** One look into the inbox (the timer's): imports what is ready, in order. Does nothing when the feed is off. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AafInboxRun.Result run(String node) {
        Path inbox = inbox();
        if (inbox == null || !Files.isDirectory(inbox)) {
            return null;
        }
        RegionFeed self = context.getBusinessObject(RegionFeed.class);
        Instant staleBefore = clock.instant().minus(settings.getDuration(Setting.DIRECTORY_INBOX_STALE_AFTER));
        return AafInboxRun.run(inbox, new AafInboxRun.Steps() {
            @Override
            public Map<String, AafInboxRun.Known> known() {
                return self.known();
            }

            @Override
            public LocalDate lastFullDate() {
                return self.lastFullDate();
            }

            @Override
            public boolean claim(List<AafInbox.Found> files) {
                try {
                    return self.claim(files, node, staleBefore);
                } catch (RuntimeException e) {
                    return false; // another node inserted one of the rows first
                }
            }

            @Override
            public void importBatch(List<AafFeedFile> files) {
                self.importBatch(inbox, files);
            }

            @Override
            public void fail(List<AafFeedFile> files, List<RowError> errors) {
                self.fail(files, errors);
            }

            @Override
            public void supersede(List<AafInbox.Found> files) {
                try {
                    self.supersede(files, node);
                } catch (RuntimeException e) {
                    // another node recorded them first
                }
            }
        }, staleBefore);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, AafInboxRun.Known> known() {
        return AafFeedRecords.known(em);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LocalDate lastFullDate() {
        return AafFeedRecords.lastFullDate(em);
    }

    /**
     * Inserts a row per file (replacing a row left RUNNING since before {@code staleBefore}); false when another node
     * claimed one first (the unique name, or the row's version).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(List<AafInbox.Found> files, String node, Instant staleBefore) {
        try {
            AafFeedRecords.claim(em, files, node, clock.instant(), staleBefore);
            return true;
        } catch (PersistenceException e) {
            context.setRollbackOnly();
            return false;
        }
    }

    /** Imports a claimed batch, all or nothing, and records each file imported with the batch's counts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void importBatch(Path inbox, List<AafFeedFile> files) {
        AafFeedImport.Outcome outcome = AafFeedRecords.importBatch(em, inbox, files, clock.instant(),
                LocalDate.now(clock), SchoolYear.current(clock), BATCH);
        audit.record(AuditEventType.REGISTRY_FEED_IMPORTED, null, null, null, null, detail(files.get(0).name() + " c="
                + outcome.created() + " u=" + outcome.updated() + " l=" + outcome.links() + " e=" + outcome.ended()));
    }

    /** Records a batch as failed, audits it and mails the region (when its address is set). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(List<AafFeedFile> files, List<RowError> errors) {
        Instant now = clock.instant();
        AafFeedRecords.fail(em, files, errors.size(), FeedErrors.encode(errors), now);
        audit.record(AuditEventType.REGISTRY_FEED_FAILED, null, null, null, null,
                detail(files.get(0).name() + " errors=" + errors.size()));
        String to = settings.get(Setting.DIRECTORY_ALERT_EMAIL).strip();
        if (!to.isEmpty()) {
            mailer.queue(to, MailTemplate.DIRECTORY_FEED_FAILED, Locale.FRENCH, Map.of(
                    "files", String.join("\n", files.stream().map(AafFeedFile::name).toList()),
                    "time", now, "errorCount", errors.size(), "errors", FeedErrors.plain(errors),
                    "link", settings.publicUrl() + "/admin/region/feed"));
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void supersede(List<AafInbox.Found> files, String node) {
        AafFeedRecords.supersede(em, files, node, clock.instant());
    }

    /** The status page (the region only: anyone else 404, audited). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FeedStatus status(AdminScope scope, Client client) {
        scopes.requireRegion(scope, client, "region-feed");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone());
        List<FeedStatus.FileRow> rows = em.createNamedQuery(AafFeedRecord.LATEST, AafFeedRecord.class)
                .setMaxResults(LATEST).getResultList().stream().map(r -> FeedStatus.FileRow.of(r, format::format)).toList();
        Path inbox = inbox();
        List<String> waiting = List.of();
        if (inbox != null && Files.isDirectory(inbox)) {
            Map<String, AafInboxRun.Known> known = known();
            waiting = AafInbox.scan(inbox).stream().map(f -> f.file())
                    .filter(f -> !known.containsKey(f.name()) || known.get(f.name()).state() == AafFeedRecord.State.FAILED)
                    .sorted(AafFeedFile.ORDER).map(AafFeedFile::name).toList();
        }
        return new FeedStatus(inbox != null, rows, waiting);
    }

    private AafFeedRecord record(String name) {
        return em.createNamedQuery(AafFeedRecord.BY_NAME, AafFeedRecord.class).setParameter("name", name).getSingleResult();
    }

    private static String detail(String text) {
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
