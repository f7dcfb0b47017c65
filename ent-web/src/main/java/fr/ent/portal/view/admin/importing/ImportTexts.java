package fr.ent.portal.view.admin.importing;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.registry.boundary.ImportPreview;
import fr.ent.portal.registry.control.Action;
import fr.ent.portal.registry.control.Change;
import fr.ent.portal.registry.control.ImportPlan;
import fr.ent.portal.registry.control.RowError;
import fr.ent.portal.view.Texts;

/**
 * The words and rows of /admin/import's preview and its downloadable report, in the page's language (the preview is
 * {@link ImportJobBacking}'s).
 */
@Named
@RequestScoped
public class ImportTexts {

    @Inject
    ImportJobBacking job;

    /** The report of the preview (or of the import once done), as CSV. */
    public void downloadReport() throws IOException {
        ImportPreview preview = job.getPreview();
        if (preview != null && !preview.isRefused()) {
            byte[] csv = ImportReport.csv(preview.plan(), job.getOutcome(), Texts::text);
            Faces.sendFile(csv, job.getOutcome() == null ? "apercu-import.csv" : "rapport-import.csv", true);
        }
    }

    public String getRefusal() {
        ImportPreview preview = job.getPreview();
        return preview != null && preview.isRefused()
                ? Texts.text(preview.refusalKey(), preview.refusalParams().toArray()) : null;
    }

    public String getEncoding() {
        ImportPreview preview = job.getPreview();
        return preview == null || preview.file() == null ? "" : preview.file().encoding();
    }

    public int getRowCount() {
        ImportPreview preview = job.getPreview();
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
        return changes.stream().map(c -> Texts.text("admin.import.change." + c.name()))
                .collect(Collectors.joining(", "));
    }

    /** What happens to a transfer (issue 20): applied by the region's import, or skipped by a school admin's. */
    public String transferText(ImportPlan.TransferPlan transfer) {
        return Texts.text(transfer.applied() ? "admin.import.transfer.applied" : "admin.import.transfer.skipped",
                transfer.elsewhere());
    }

    /** The rows that change something (created or updated), for the preview table. */
    public List<ImportPlan.PupilPlan> getChangedPupils() {
        ImportPlan plan = job.getPlan();
        return plan == null ? List.of() : plan.pupils().stream().filter(p -> p.action() != Action.UNCHANGED).toList();
    }

    public List<ImportPlan.RepresentativePlan> getChangedRepresentatives() {
        ImportPlan plan = job.getPlan();
        return plan == null ? List.of()
                : plan.representatives().stream().filter(r -> r.action() != Action.UNCHANGED).toList();
    }

    public String getNewDivisions() {
        ImportPlan plan = job.getPlan();
        return plan == null ? "" : plan.newDivisions().stream().sorted().collect(Collectors.joining(", "));
    }
}
