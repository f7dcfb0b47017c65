package fr.ent.portal.view.admin.importing;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;
import org.primefaces.model.file.UploadedFile;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.registry.boundary.ImportOutcome;
import fr.ent.portal.registry.boundary.ImportPreview;
import fr.ent.portal.registry.boundary.ImportTarget;
import fr.ent.portal.registry.boundary.RegistryImports;
import fr.ent.portal.registry.control.Action;
import fr.ent.portal.registry.control.Change;
import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.ImportProgress;
import fr.ent.portal.registry.control.RowError;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * Backing bean of /admin/import: upload a registry export, read its preview (computed in the background, with a
 * progress bar), confirm it (once), download the report. Scope is checked by the boundary on every step.
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminContext admin;

    @EJB
    RegistryImports imports;

    @EJB
    AdminScopes scopes;

    private Long establishmentId;
    private ImportTarget target;
    private List<ImportTarget> targets = List.of();
    private transient UploadedFile file;

    /** SIECLE: the representatives' export, read with the pupils' one (optional). */
    private transient UploadedFile representatives;
    private ImportPreview preview;
    private ImportOutcome outcome;
    private transient Future<?> work;
    private transient ImportProgress progress;
    private boolean confirming;

    /** View action: school admins and the region only (a principal teacher gets 404), then the establishment. */
    public void load() {
        if (!admin.isEstablishmentAdmin()) {
            throw scopes.denied(admin.scope(), admin.client(), "import", null);
        }
        if (establishmentId == null) {
            targets = imports.targets(admin.scope());
            if (targets.size() == 1) {
                establishmentId = targets.get(0).id();
            }
        }
        if (establishmentId != null) {
            target = imports.target(admin.scope(), establishmentId, admin.client());
        }
    }

    /** Starts the preview of the uploaded file in the background. */
    public void upload() {
        if (target == null || isRunning()) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            Texts.globalError("admin.import.file.none");
            return;
        }
        preview = null;
        outcome = null;
        confirming = false;
        progress = new ImportProgress();
        if (representatives == null || representatives.getSize() == 0) {
            work = imports.preview(admin.scope(), target.id(), file.getFileName(), file.getContent(), admin.client(),
                    progress);
        } else {
            work = imports.preview(admin.scope(), target.id(), file.getFileName() + " + " + representatives.getFileName(),
                    List.of(file.getContent(), representatives.getContent()), admin.client(), progress);
        }
        file = null;
        representatives = null;
    }

    /** Confirms the preview in the background; a second click (or a stale page) finds nothing to do. */
    public void confirm() {
        if (preview == null || !preview.isConfirmable() || isRunning() || outcome != null) {
            Texts.globalInfo("admin.import.already_confirmed");
            return;
        }
        confirming = true;
        progress = new ImportProgress();
        work = imports.confirm(admin.scope(), preview, admin.client(), progress);
    }

    /** Polled by the page while the work runs: collects its result when done. */
    @SuppressWarnings("unchecked")
    public void poll() {
        if (work == null || !work.isDone()) {
            return;
        }
        Future<?> finished = work;
        work = null;
        PrimeFaces.current().executeScript("if (PF('importPoll')) { PF('importPoll').stop(); }");
        try {
            Object result = finished.get();
            if (result instanceof ImportPreview p) {
                preview = p;
            } else if (result instanceof ImportOutcome o) {
                outcome = o;
                if (o.alreadyDone()) {
                    Texts.globalInfo("admin.import.already_confirmed");
                } else {
                    Texts.globalInfo("admin.import.done", o.created(), o.updated(), o.links(), o.ended());
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof BusinessException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof NotFoundException) {
                Texts.globalError("admin.not_found");
                preview = null;
            } else if (cause instanceof BusinessException refusal) {
                Texts.globalError(refusal.key(), refusal.params());
                if ("admin.import.changed_meanwhile".equals(refusal.key())) {
                    preview = null;
                }
            } else {
                Texts.globalError("admin.import.failed");
            }
            confirming = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The report of the preview (or of the import once done), as CSV. */
    public void downloadReport() throws java.io.IOException {
        if (preview == null || preview.isRefused()) {
            return;
        }
        byte[] csv = ImportReport.csv(preview.plan(), outcome, Texts::text);
        Faces.sendFile(csv, outcome == null ? "apercu-import.csv" : "rapport-import.csv", true);
    }

    // ---- page --------------------------------------------------------------------------------------------------

    /** True from the start of a preview or an import until the poll collected its result. */
    public boolean isRunning() {
        return work != null;
    }

    /** The upload limit of the page (the boundary checks it again). */
    public long getMaxBytes() {
        return imports.maxBytes();
    }

    public int getPercent() {
        return progress == null ? 0 : progress.percent();
    }

    public boolean isConfirming() {
        return confirming;
    }

    public ImportPlan getPlan() {
        return preview == null || preview.isRefused() ? null : preview.plan();
    }

    public String getRefusal() {
        return preview != null && preview.isRefused() ? Texts.text(preview.refusalKey(), preview.refusalParams().toArray())
                : null;
    }

    public boolean isConfirmable() {
        return preview != null && preview.isConfirmable() && outcome == null;
    }

    public String getEncoding() {
        return preview == null || preview.file() == null ? "" : preview.file().encoding();
    }

    public int getRowCount() {
        return preview == null || preview.file() == null ? 0 : preview.file().rowCount();
    }

    /** The text of a row error. */
    public String errorText(RowError error) {
        return Texts.text(error.key(), error.params().toArray());
    }

    public String actionText(Action action) {
        return Texts.text("admin.import.action." + action.name());
    }

    public String changesText(List<Change> changes) {
        return changes.stream().map(c -> Texts.text("admin.import.change." + c.name())).collect(Collectors.joining(", "));
    }

    /** The rows that change something (created or updated), for the preview table. */
    public List<ImportPlan.PupilPlan> getChangedPupils() {
        ImportPlan plan = getPlan();
        return plan == null ? List.of() : plan.pupils().stream().filter(p -> p.action() != Action.UNCHANGED).toList();
    }

    public List<ImportPlan.RepresentativePlan> getChangedRepresentatives() {
        ImportPlan plan = getPlan();
        return plan == null ? List.of()
                : plan.representatives().stream().filter(r -> r.action() != Action.UNCHANGED).toList();
    }

    /** What happens to a transfer (issue 20): applied by the region's import, or skipped by a school admin's. */
    public String transferText(ImportPlan.TransferPlan transfer) {
        return Texts.text(transfer.applied() ? "admin.import.transfer.applied" : "admin.import.transfer.skipped",
                transfer.elsewhere());
    }

    public String getNewDivisions() {
        ImportPlan plan = getPlan();
        return plan == null ? "" : plan.newDivisions().stream().sorted().collect(Collectors.joining(", "));
    }

    public Long getEstablishmentId() {
        return establishmentId;
    }

    public void setEstablishmentId(Long establishmentId) {
        this.establishmentId = establishmentId;
    }

    public ImportTarget getTarget() {
        return target;
    }

    public List<ImportTarget> getTargets() {
        return targets;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public UploadedFile getRepresentatives() {
        return representatives;
    }

    public void setRepresentatives(UploadedFile representatives) {
        this.representatives = representatives;
    }

    public ImportOutcome getOutcome() {
        return outcome;
    }
}
