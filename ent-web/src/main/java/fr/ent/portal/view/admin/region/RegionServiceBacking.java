package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.admin.boundary.EstablishmentRow.ServiceRow;
import fr.ent.portal.admin.boundary.Establishments;
import fr.ent.portal.establishment.control.ServiceDraft;
import fr.ent.portal.establishment.entity.PatternKind;
import fr.ent.portal.establishment.entity.ReleasedAttribute;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/** The service form of /admin/region/establishments?id= (of {@link RegionEstablishmentsBacking}'s establishment). */
@Named
@ViewScoped
public class RegionServiceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Establishments establishments;

    @Inject
    AdminContext admin;

    @Inject
    RegionEstablishmentsBacking page;

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
        establishments.saveService(admin.scope(), admin.client(), page.getId(), serviceId, serviceVersion,
                new ServiceDraft(serviceName, serviceUrl, serviceEnabled, servicePosition, ssoKind, ssoPattern,
                        new HashSet<>(Arrays.asList(ssoAttributes)), ssoSingleLogout));
        Texts.flash("admin.region.service.saved");
        return "/admin/region/establishments?faces-redirect=true&id=" + page.getId();
    }

    public String removeService(ServiceRow service) {
        establishments.removeService(admin.scope(), admin.client(), page.getId(), service.id(), service.version());
        Texts.flash("admin.region.service.removed");
        return "/admin/region/establishments?faces-redirect=true&id=" + page.getId();
    }

    public PatternKind[] getPatternKinds() { return PatternKind.values(); }

    public ReleasedAttribute[] getReleasableAttributes() { return ReleasedAttribute.values(); }

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
