package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.admin.boundary.EstablishmentRow;
import fr.ent.portal.admin.boundary.EstablishmentRow.ServiceRow;
import fr.ent.portal.admin.boundary.Establishments;
import fr.ent.portal.establishment.control.EstablishmentDraft;
import fr.ent.portal.establishment.control.ServiceDraft;
import fr.ent.portal.establishment.entity.EstablishmentKind;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.establishment.entity.PatternKind;
import fr.ent.portal.establishment.entity.ReleasedAttribute;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * Backing bean of /admin/region/establishments: the list, the form of a new establishment or of the one chosen
 * ({@code ?id=}), and its services. Every action goes through {@link Establishments}, which checks the region scope.
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

    private Long serviceId;
    private long serviceVersion;
    private String serviceName;
    private String serviceUrl;
    private boolean serviceEnabled = true;
    private Integer servicePosition;
    private PatternKind ssoKind;
    private String ssoPattern;
    private ReleasedAttribute[] ssoAttributes = new ReleasedAttribute[0];
    private boolean ssoSingleLogout;

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
        try {
            long saved;
            if (id == null) {
                saved = establishments.create(admin.scope(), admin.client(), draft);
                flash("admin.region.created");
            } else {
                establishments.change(admin.scope(), admin.client(), id, version, draft);
                saved = id;
                flash("admin.region.saved");
            }
            return "/admin/region/establishments?faces-redirect=true&id=" + saved;
        } catch (NotFoundException outOfScope) {
            throw outOfScope; // 404, already audited
        } catch (BusinessException refused) {
            Texts.show(refused, "establishment");
            return null;
        }
    }

    /** Fills the service form with one of the services to change it. */
    public void editService(ServiceRow service) {
        serviceId = service.id();
        serviceVersion = service.version();
        serviceName = service.name();
        serviceUrl = service.url();
        serviceEnabled = service.enabled();
        servicePosition = service.position();
        ssoKind = service.ssoKind();
        ssoPattern = service.ssoPattern();
        ssoAttributes = service.attributes().toArray(new ReleasedAttribute[0]);
        ssoSingleLogout = service.singleLogout();
    }

    public String saveService() {
        try {
            establishments.saveService(admin.scope(), admin.client(), id, serviceId, serviceVersion,
                    new ServiceDraft(serviceName, serviceUrl, serviceEnabled, servicePosition, ssoKind, ssoPattern,
                            new HashSet<>(Arrays.asList(ssoAttributes)), ssoSingleLogout));
            flash("admin.region.service.saved");
            return "/admin/region/establishments?faces-redirect=true&id=" + id;
        } catch (NotFoundException outOfScope) {
            throw outOfScope; // 404, already audited
        } catch (BusinessException refused) {
            Texts.show(refused, "service");
            return null;
        }
    }

    public String removeService(ServiceRow service) {
        try {
            establishments.removeService(admin.scope(), admin.client(), id, service.id(), service.version());
            flash("admin.region.service.removed");
            return "/admin/region/establishments?faces-redirect=true&id=" + id;
        } catch (NotFoundException outOfScope) {
            throw outOfScope; // 404, already audited
        } catch (BusinessException refused) {
            Texts.show(refused, "service");
            return null;
        }
    }

    private static void flash(String key) {
        Texts.globalInfo(key);
        Faces.getFlash().setKeepMessages(true);
    }

    public PatternKind[] getPatternKinds() {
        return PatternKind.values();
    }

    public ReleasedAttribute[] getReleasableAttributes() {
        return ReleasedAttribute.values();
    }

    public EstablishmentKind[] getKinds() {
        return EstablishmentKind.values();
    }

    public List<EstablishmentRow> getRows() {
        return rows;
    }

    public EstablishmentRow getSelected() {
        return selected;
    }

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
    public Long getServiceId() { return serviceId; }
    public String getServiceName() { return serviceName; }
    public void setServiceName(String serviceName) { this.serviceName = serviceName; }
    public String getServiceUrl() { return serviceUrl; }
    public void setServiceUrl(String serviceUrl) { this.serviceUrl = serviceUrl; }
    public boolean isServiceEnabled() { return serviceEnabled; }
    public void setServiceEnabled(boolean serviceEnabled) { this.serviceEnabled = serviceEnabled; }
    public Integer getServicePosition() { return servicePosition; }
    public void setServicePosition(Integer servicePosition) { this.servicePosition = servicePosition; }
    public PatternKind getSsoKind() { return ssoKind; }
    public void setSsoKind(PatternKind ssoKind) { this.ssoKind = ssoKind; }
    public String getSsoPattern() { return ssoPattern; }
    public void setSsoPattern(String ssoPattern) { this.ssoPattern = ssoPattern; }
    public ReleasedAttribute[] getSsoAttributes() { return ssoAttributes.clone(); }
    public void setSsoAttributes(ReleasedAttribute[] ssoAttributes) {
        this.ssoAttributes = ssoAttributes == null ? new ReleasedAttribute[0] : ssoAttributes.clone();
    }
    public boolean isSsoSingleLogout() { return ssoSingleLogout; }
    public void setSsoSingleLogout(boolean ssoSingleLogout) { this.ssoSingleLogout = ssoSingleLogout; }
}
