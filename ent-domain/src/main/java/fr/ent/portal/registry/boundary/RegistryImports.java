package fr.ent.portal.registry.boundary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Future;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.ImportProgress;
import fr.ent.portal.registry.control.ImportRun;
import fr.ent.portal.registry.control.ImportWriter;
import fr.ent.portal.registry.control.RegistryFile;
import fr.ent.portal.registry.control.RegistryFileRefused;
import fr.ent.portal.registry.entity.RegistryImport;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * Registry import (docs/IMPORT.md): a school admin (their establishments) or the region (any) uploads an export; the
 * preview says what would change and writes nothing but its own record; the confirmation of that preview (single use)
 * writes everything in one transaction. Both run in the background ({@link Asynchronous}) and report their progress.
 */
@Stateless
public class RegistryImports {

    /** Rows written between two flushes (JDBC batches of 50, see persistence.xml). */
    static final int WRITE_BATCH = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The establishments this staff member may import into (a principal teacher: none). */
    public List<ImportTarget> targets(AdminScope scope) {
        List<Establishment> all = scope.region()
                ? em.createNamedQuery(Establishment.ALL, Establishment.class).getResultList()
                : scope.establishments().isEmpty() ? List.of()
                : em.createQuery("select e from Establishment e where e.id in :ids order by e.name", Establishment.class)
                        .setParameter("ids", scope.establishments()).getResultList();
        return all.stream().map(e -> new ImportTarget(e.id(), e.uai(), e.name())).toList();
    }

    /** The largest file accepted, in bytes (the page's upload limit; the preview checks it again). */
    public long maxBytes() {
        return settings.getInt(Setting.IMPORT_MAX_BYTES);
    }

    /** The establishment if the scope covers all of it; otherwise 404 (audited). */
    public ImportTarget target(AdminScope scope, long establishmentId, Client client) {
        Establishment e = scopes.requireEstablishment(scope, establishmentId, client);
        return new ImportTarget(e.id(), e.uai(), e.name());
    }

    /** Reads the file and says what importing it would do; nothing is written but the preview's record. */
    @Asynchronous
    public Future<ImportPreview> preview(AdminScope scope, long establishmentId, String fileName, byte[] content,
                                         Client client, ImportProgress progress) {
        return new AsyncResult<>(previewNow(scope, establishmentId, fileName, List.of(content), client, progress));
    }

    /**
     * The same with several files read together (a school's SIECLE exports: pupils, then their representatives), each
     * XML or zipped; the preview's digest covers them all.
     */
    @Asynchronous
    public Future<ImportPreview> preview(AdminScope scope, long establishmentId, String fileName, List<byte[]> contents,
                                         Client client, ImportProgress progress) {
        return new AsyncResult<>(previewNow(scope, establishmentId, fileName, contents, client, progress));
    }

    private ImportPreview previewNow(AdminScope scope, long establishmentId, String fileName, List<byte[]> contents,
                                     Client client, ImportProgress progress) {
        Establishment establishment = scopes.requireEstablishment(scope, establishmentId, client);
        LocalDate today = LocalDate.now(clock);
        progress.start(3);
        RegistryFile file;
        try {
            file = ImportRun.read(contents, establishment, today, settings.getInt(Setting.IMPORT_MAX_BYTES),
                    settings.getInt(Setting.IMPORT_MAX_ROWS));
        } catch (RegistryFileRefused refused) {
            record(AuditEventType.REGISTRY_IMPORT_REJECTED, scope, client, refused.code(), establishmentId);
            progress.finish();
            return ImportPreview.refused(establishmentId, fileName, refused.key(), refused.params());
        }
        progress.advance(1);
        ImportPlan plan = ImportRun.plan(em, establishment, file, today, SchoolYear.current(clock), scope.region());
        progress.advance(1);
        String digest = sha256(contents);
        String token = null;
        if (plan.confirmable()) {
            token = newToken();
            em.persist(new RegistryImport(token, establishmentId, scope.staffId(), fileName, digest, plan.digest(),
                    file.rowCount(), plan.toCreate(), plan.toUpdate(), plan.unchanged(), plan.ends().size(),
                    plan.links().size(), clock.instant()));
            record(AuditEventType.REGISTRY_IMPORT_PREVIEWED, scope, client, counts(file.rowCount(), plan.toCreate(),
                    plan.toUpdate(), plan.links().size(), plan.ends().size()), establishmentId);
        } else {
            record(AuditEventType.REGISTRY_IMPORT_REJECTED, scope, client, "row-errors:" + plan.errors().size(),
                    establishmentId);
        }
        if (plan.transfersSkipped() > 0) {
            // rows moving another establishment's pupil: outside a school admin's scope, skipped and audited
            record(AuditEventType.ADMIN_SCOPE_DENIED, scope, client, "registry-transfer-skipped:" + plan.transfersSkipped(),
                    establishmentId);
        }
        progress.finish();
        return new ImportPreview(establishmentId, fileName, digest, token, file, plan, null, List.of());
    }

    /**
     * Writes a confirmable preview, in one transaction. The preview's record is locked first: a second confirmation of
     * the same token waits, then finds it done and writes nothing. If the database changed since the preview (another
     * import, an edit), nothing is written and the admin previews again.
     */
    @Asynchronous
    public Future<ImportOutcome> confirm(AdminScope scope, ImportPreview preview, Client client, ImportProgress progress) {
        Establishment establishment = scopes.requireEstablishment(scope, preview.establishmentId(), client);
        RegistryImport record = preview.token() == null ? null
                : em.createNamedQuery(RegistryImport.BY_TOKEN, RegistryImport.class).setParameter("token", preview.token())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (record == null || record.staffId() != scope.staffId() || record.establishmentId() != establishment.id()
                || !record.fileDigest().equals(preview.fileDigest())) {
            throw scopes.denied(scope, client, "registry-import:" + preview.token(), preview.establishmentId());
        }
        if (record.isConfirmed()) {
            progress.finish();
            return new AsyncResult<>(ImportOutcome.alreadyConfirmed());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        ImportPlan plan = ImportRun.plan(em, establishment, preview.file(), today, SchoolYear.current(clock),
                scope.region());
        if (!plan.digest().equals(record.planDigest())) {
            record(AuditEventType.REGISTRY_IMPORT_REJECTED, scope, client, "changed-meanwhile", establishment.id());
            throw new ConflictException("admin.import.changed_meanwhile");
        }
        record.confirm(now);
        em.flush();
        ImportWriter.Written written = new ImportWriter(em, now, today, SchoolYear.current(clock), establishment.id(),
                WRITE_BATCH).write(plan, progress);
        record(AuditEventType.REGISTRY_IMPORT_CONFIRMED, scope, client, counts(preview.file().rowCount(), written.created(),
                written.updated(), written.links(), written.ended()), establishment.id());
        return new AsyncResult<>(new ImportOutcome(false, written.created(), written.updated(), written.links(),
                written.ended(), written.identifiers()));
    }

    private void record(AuditEventType type, AdminScope scope, Client client, String detail, long establishmentId) {
        audit.recordByStaff(type, scope.staffId(), scope.identifier(), null, null, client, detail, establishmentId);
    }

    /** A short audit detail: {@code rows=20000 c=... u=... l=... e=...} (64 characters at most). */
    static String counts(int rows, int created, int updated, int links, int ended) {
        String detail = "rows=" + rows + " c=" + created + " u=" + updated + " l=" + links + " e=" + ended;
        return detail.length() > 64 ? detail.substring(0, 64) : detail;
    }

    /** One file: the SHA-256 of its bytes (as before); several: of each file's length and bytes in turn. */
    static String sha256(List<byte[]> contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (contents.size() == 1) {
                return HexFormat.of().formatHex(sha.digest(contents.get(0)));
            }
            for (byte[] content : contents) {
                sha.update(java.nio.ByteBuffer.allocate(8).putLong(content.length).array());
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
