package fr.ent.portal.view.admin.importing;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.file.UploadedFile;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.registry.boundary.ImportTarget;
import fr.ent.portal.registry.boundary.RegistryImports;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * Backing bean of /admin/import: the establishment, then the upload of a registry export, whose preview
 * {@link ImportJobBacking} computes in the background (progress bar), confirms (once) and reports
 * ({@link ImportTexts} words it). Scope is checked by the boundary on every step.
 */
@Named
@ViewScoped
public class ImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminContext admin;

    @Inject
    ImportJobBacking job;

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

    /** Starts the preview of the uploaded file (with the representatives' one, if any) in the background. */
    public void upload() {
        if (target == null || job.isRunning()) {
            return;
        }
        if (file == null || file.getSize() == 0) {
            Texts.globalError("admin.import.file.none");
            return;
        }
        UploadedFile pupils = file;
        UploadedFile others = representatives == null || representatives.getSize() == 0 ? null : representatives;
        job.start(progress -> others == null
                ? imports.preview(admin.scope(), target.id(), pupils.getFileName(), pupils.getContent(), admin.client(),
                        progress)
                : imports.preview(admin.scope(), target.id(), pupils.getFileName() + " + " + others.getFileName(),
                        List.of(pupils.getContent(), others.getContent()), admin.client(), progress));
        file = null;
        representatives = null;
    }

    /** The upload limit of the page (the boundary checks it again). */
    public long getMaxBytes() { return imports.maxBytes(); }
    public Long getEstablishmentId() { return establishmentId; }
    public void setEstablishmentId(Long establishmentId) { this.establishmentId = establishmentId; }
    public ImportTarget getTarget() { return target; }
    public List<ImportTarget> getTargets() { return targets; }
    public UploadedFile getFile() { return file; }
    public void setFile(UploadedFile file) { this.file = file; }
    public UploadedFile getRepresentatives() { return representatives; }
    public void setRepresentatives(UploadedFile representatives) { this.representatives = representatives; }
}
