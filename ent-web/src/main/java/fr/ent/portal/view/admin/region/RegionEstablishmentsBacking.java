package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.admin.boundary.EstablishmentRow;
import fr.ent.portal.admin.boundary.Establishments;
import fr.ent.portal.establishment.control.EstablishmentDraft;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * Backing bean of /admin/region/establishments: the list, the form of a new establishment or of the one chosen
 * ({@code ?id=}); its services in {@link RegionServiceBacking}. Every action goes through {@link Establishments},
 * which checks the region scope.
 */
@Named
@ViewScoped
public class RegionEstablishmentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Establishments establishments;

    @Inject
    AdminContext admin;

    private Long id;
    private List<EstablishmentRow> rows;
    private EstablishmentRow selected;

    private long version;
    private String uai;
    private String name;
    private EstablishmentKind kind;
    private String academie;
    private String city;
    private String contactEmail;
    private String contactPhone;

    /** View action: the list, and the chosen establishment's form (unknown id: 404). */
    public void load() {
        rows = establishments.listForRegion(admin.scope(), admin.client());
        if (id != null) {
            selected = establishments.find(admin.scope(), admin.client(), id);
            version = selected.version();
            uai = selected.uai();
            name = selected.name();
            kind = selected.kind();
            academie = selected.academie();
            city = selected.city();
            contactEmail = selected.contactEmail();
            contactPhone = selected.contactPhone();
        }
    }

    public String save() {
        EstablishmentDraft draft = new EstablishmentDraft(uai, name, kind, academie, city, contactEmail, contactPhone);
        long saved;
        if (id == null) {
            saved = establishments.create(admin.scope(), admin.client(), draft);
            Texts.flash("admin.region.created");
        } else {
            establishments.change(admin.scope(), admin.client(), id, version, draft);
            saved = id;
            Texts.flash("admin.region.saved");
        }
        return "/admin/region/establishments?faces-redirect=true&id=" + saved;
    }

    public EstablishmentKind[] getKinds() { return EstablishmentKind.values(); }

    public List<EstablishmentRow> getRows() { return rows; }

    public EstablishmentRow getSelected() { return selected; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getUai() { return uai; }
    public void setUai(String uai) { this.uai = uai; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public EstablishmentKind getKind() { return kind; }
    public void setKind(EstablishmentKind kind) { this.kind = kind; }
    public String getAcademie() { return academie; }
    public void setAcademie(String academie) { this.academie = academie; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
}
