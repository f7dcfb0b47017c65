package fr.ent.portal.view.admin.importing;

import java.io.IOException;
import java.io.Serializable;
import java.util.concurrent.Future;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;

import fr.ent.portal.registry.boundary.ImportOutcome;
import fr.ent.portal.registry.boundary.ImportPreview;
import fr.ent.portal.registry.boundary.RegistryImports;
import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.ImportProgress;
import fr.ent.portal.view.BackgroundWork;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;
import fr.ent.portal.view.error.PageFailure;

/**
 * The result part of /admin/import: the preview computed in the background ({@link ImportBacking} starts it), its
 * confirmation (once), the page's polls that collect either, and the report. Scope is checked by the boundary.
 */
@Named
@ViewScoped
public class ImportJobBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminContext admin;

    @EJB
    RegistryImports imports;

    private ImportPreview preview;
    private ImportOutcome outcome;
    private transient BackgroundWork<Object> work;
    private boolean confirming;

    /** Starts a preview (a new one replaces the former preview and its outcome). */
    void start(java.util.function.Function<ImportProgress, Future<?>> previewing) {
        preview = null;
        outcome = null;
        confirming = false;
        run(previewing);
    }

    /** Confirms the preview in the background; a second click (or a stale page) finds nothing to do. */
    public void confirm() {
        if (preview == null || !preview.isConfirmable() || isRunning() || outcome != null) {
            Texts.globalInfo("admin.import.already_confirmed");
            return;
        }
        confirming = true;
        run(progress -> imports.confirm(admin.scope(), preview, admin.client(), progress));
    }

    private void run(java.util.function.Function<ImportProgress, Future<?>> job) {
        ImportProgress progress = new ImportProgress();
        work = BackgroundWork.of(job.apply(progress), progress::percent);
    }

    /** Polled by the page while the work runs: collects its result when done. */
    public void poll() {
        BackgroundWork.Outcome<Object> finished = work == null ? null : work.collect();
        if (finished == null) {
            return;
        }
        work = null;
        PrimeFaces.current().executeScript("if (PF('importPoll')) { PF('importPoll').stop(); }");
        if (finished instanceof BackgroundWork.Done<Object> done && done.result() instanceof ImportPreview p) {
            preview = p;
        } else if (finished instanceof BackgroundWork.Done<Object> done && done.result() instanceof ImportOutcome o) {
            outcome = o;
            if (o.alreadyDone()) {
                Texts.globalInfo("admin.import.already_confirmed");
            } else {
                Texts.globalInfo("admin.import.done", o.created(), o.updated(), o.links(), o.ended());
            }
        } else if (finished instanceof BackgroundWork.Failed<Object> failed) {
            failed(failed.failure());
        }
    }

    private void failed(PageFailure failure) {
        if (failure instanceof PageFailure.NotFound) {
            Texts.globalError("admin.not_found");
            preview = null;
        } else if (failure instanceof PageFailure.Message refusal) {
            Texts.globalError(refusal.key(), refusal.params());
            if ("admin.import.changed_meanwhile".equals(refusal.key())) {
                preview = null;
            }
        } else if (failure instanceof PageFailure.Fields) {
            Texts.globalError("input.invalid");
        } else {
            Texts.globalError("admin.import.failed");
        }
        confirming = false;
    }

    /** The report of the preview (or of the import once done), as CSV. */
    public void downloadReport() throws IOException {
        if (preview != null && !preview.isRefused()) {
            byte[] csv = ImportReport.csv(preview.plan(), outcome, Texts::text);
            Faces.sendFile(csv, outcome == null ? "apercu-import.csv" : "rapport-import.csv", true);
        }
    }

    /** True from the start of a preview or an import until the poll collected its result. */
    public boolean isRunning() { return work != null; }
    public int getPercent() { return work == null ? 0 : work.percent(); }
    public boolean isConfirming() { return confirming; }
    public ImportPreview getPreview() { return preview; }
    public ImportOutcome getOutcome() { return outcome; }
    public ImportPlan getPlan() { return preview == null || preview.isRefused() ? null : preview.plan(); }
    public boolean isConfirmable() { return preview != null && preview.isConfirmable() && outcome == null; }
}
