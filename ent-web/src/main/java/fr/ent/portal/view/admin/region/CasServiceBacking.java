package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.admin.boundary.EstablishmentRow;
import fr.ent.portal.admin.boundary.EstablishmentRow.ServiceRow;
import fr.ent.portal.admin.boundary.Establishments;
import fr.ent.portal.establishment.control.ServiceDraft;
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
    private long version;
    private String name;
    private String url;
    private boolean enabled = true;
    private PatternKind kind = PatternKind.PREFIX;
    private String pattern;
    private ReleasedAttribute[] attributes = new ReleasedAttribute[0];
    private boolean singleLogout;

    /** View action: the establishments to choose from, and the chosen service in the form (unknown: 404). */
    public void load(Long chosenEstablishment, Long chosenService) {
        choices = establishments.listForRegion(admin.scope(), admin.client());
        establishment = chosenEstablishment;
        if (chosenEstablishment != null && chosenService != null) {
            ServiceRow row = establishments.find(admin.scope(), admin.client(), chosenEstablishment).services().stream()
                    .filter(s -> s.id() == chosenService).findFirst()
                    .orElseThrow(() -> new NotFoundException("admin.not_found"));
            serviceId = row.id();
            version = row.version();
            name = row.name();
            url = row.url();
            enabled = row.enabled();
            kind = row.ssoKind() == null ? PatternKind.PREFIX : row.ssoKind();
            pattern = row.ssoPattern();
            attributes = row.attributes().toArray(new ReleasedAttribute[0]);
            singleLogout = row.singleLogout();
        }
    }

    public String save() {
        establishments.saveService(admin.scope(), admin.client(), establishment, serviceId, version,
                new ServiceDraft(name, url, enabled, null, kind, pattern, new HashSet<>(Arrays.asList(attributes)),
                        singleLogout));
        Texts.flash("admin.region.service.saved");
        return "/admin/region/services?faces-redirect=true";
    }

    public List<EstablishmentRow> getChoices() { return choices; }
    public PatternKind[] getPatternKinds() { return PatternKind.values(); }
    public ReleasedAttribute[] getReleasableAttributes() { return ReleasedAttribute.values(); }
    public Long getServiceId() { return serviceId; }
    public Long getEstablishment() { return establishment; }
    public void setEstablishment(Long establishment) { this.establishment = establishment; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public PatternKind getKind() { return kind; }
    public void setKind(PatternKind kind) { this.kind = kind; }
    public String getPattern() { return pattern; }
    public void setPattern(String pattern) { this.pattern = pattern; }
    public ReleasedAttribute[] getAttributes() { return attributes.clone(); }
    public void setAttributes(ReleasedAttribute[] attributes) {
        this.attributes = attributes == null ? new ReleasedAttribute[0] : attributes.clone();
    }
    public boolean isSingleLogout() { return singleLogout; }
    public void setSingleLogout(boolean singleLogout) { this.singleLogout = singleLogout; }
}
