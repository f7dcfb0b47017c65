package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.admin.boundary.EstablishmentRow;
import fr.ent.portal.admin.boundary.EstablishmentRow.ServiceRow;
import fr.ent.portal.admin.boundary.Establishments;
import fr.ent.portal.establishment.entity.PatternKind;
import fr.ent.portal.establishment.entity.ReleasedAttribute;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * The CAS form of /admin/region/services ({@code ?protocol=CAS}, {@link ConnectedServicesBacking}): a service of an
 * establishment's list opened through the portal's CAS server (its ticket pattern, the attributes it receives, single
 * logout), added to the establishment chosen, or the one chosen changed ({@code &establishment=&id=}).
 */
@Named
@ViewScoped
public class CasServiceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Establishments establishments;

    @Inject
    AdminContext admin;

    private transient List<EstablishmentRow> choices;
    private Long establishment;
    private Long serviceId;
    private CasForm form = new CasForm();

    /** View action: the establishments to choose from, and the chosen service in the form (unknown: 404). */
    public void load(Long chosenEstablishment, Long chosenService) {
        choices = establishments.listForRegion(admin.scope(), admin.client());
        establishment = chosenEstablishment;
        if (chosenEstablishment != null && chosenService != null) {
            ServiceRow row = establishments.find(admin.scope(), admin.client(), chosenEstablishment).services().stream()
                    .filter(s -> s.id() == chosenService).findFirst()
                    .orElseThrow(() -> new NotFoundException("admin.not_found"));
            serviceId = row.id();
            form = CasForm.of(row);
        }
    }

    public String save() {
        establishments.saveService(admin.scope(), admin.client(), establishment, serviceId, form.version, form.draft());
        Texts.flash("admin.region.service.saved");
        return "/admin/region/services?faces-redirect=true";
    }

    public List<EstablishmentRow> getChoices() { return choices; }
    public PatternKind[] getPatternKinds() { return PatternKind.values(); }
    public ReleasedAttribute[] getReleasableAttributes() { return ReleasedAttribute.values(); }
    public Long getServiceId() { return serviceId; }
    public Long getEstablishment() { return establishment; }
    public void setEstablishment(Long establishment) { this.establishment = establishment; }
    public CasForm getForm() { return form; }
}
