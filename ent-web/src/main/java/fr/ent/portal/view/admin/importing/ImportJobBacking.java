package fr.ent.portal.view.admin.importing;

import java.io.Serializable;
import java.util.concurrent.Future;
import java.util.function.Function;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

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

/** /admin/import's preview computed in the background ({@link ImportBacking} starts it), its confirmation (once),
 * and the page's polls that collect either. Scope is checked by the boundary. */
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

    /** Starts a preview (a new one replaces the former preview and its outcome). */
    void start(Function<ImportProgress, Future<?>> previewing) {
        preview = null;
        outcome = null;
        ImportProgress progress = new ImportProgress();
        work = BackgroundWork.of(previewing.apply(progress), progress::percent);
    }

    /** Confirms the preview in the background; a second click (or a stale page) finds nothing to do. */
    public void confirm() {
        if (preview == null || !preview.isConfirmable() || isRunning() || outcome != null) {
            Texts.globalInfo("admin.import.already_confirmed");
            return;
        }
        ImportProgress progress = new ImportProgress();
        work = BackgroundWork.of(imports.confirm(admin.scope(), preview, admin.client(), progress), progress::percent);
    }

    /** Polled by the page while the work runs: collects its result when done. */
    public void poll() {
        BackgroundWork.Outcome<Object> finished = work == null ? null : work.collect();
        if (finished == null) {
            return; // still running (or collected already by a double poll)
        }
        work = null;
        PrimeFaces.current().executeScript("if (PF('importPoll')) { PF('importPoll').stop(); }");
        Object result = finished instanceof BackgroundWork.Done<Object> done ? done.result() : null;
        if (result instanceof ImportPreview p) {
            preview = p;
        } else if (result instanceof ImportOutcome o) {
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

    /** A refusal's own message (a lost preview: "admin.not_found"), anything else "admin.import.failed". */
    private void failed(PageFailure failure) {
        boolean lost = failure instanceof PageFailure.NotFound;
        String key = lost ? "admin.not_found" : failure.key("admin.import.failed", "admin.import.failed");
        Texts.globalError(key, failure.params());
        preview = lost || "admin.import.changed_meanwhile".equals(key) ? null : preview;
    }

    /** True from the start of a preview or an import until the poll collected its result. */
    public boolean isRunning() { return work != null; }
    public int getPercent() { return work == null ? 0 : work.percent(); }
    /** A preview runs with no preview yet; a confirmation, with its preview. */
    public boolean isConfirming() { return work != null && preview != null; }
    public ImportPreview getPreview() { return preview; }
    public ImportOutcome getOutcome() { return outcome; }
    public ImportPlan getPlan() { return preview == null || preview.isRefused() ? null : preview.plan(); }
    public boolean isConfirmable() { return preview != null && preview.isConfirmable() && outcome == null; }
}
