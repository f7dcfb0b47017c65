package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.federation.boundary.ConnectedService;
import fr.ent.portal.federation.boundary.ConnectedServices;
import fr.ent.portal.federation.boundary.SamlServiceProviders;
import fr.ent.portal.federation.control.ServiceProtocol;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * Backing bean of /admin/region/services, the one registry of connected services: every CAS, SAML and OpenID
 * Connect service in one list, the protocol chosen for the form ({@code ?protocol=}, with {@code id} to change one;
 * each protocol's form has its bean: {@link CasServiceBacking}, {@link SamlBacking}, {@link OidcClientsBacking}),
 * and the rotation of the federation's signing key.
 */
@Named
@ViewScoped
public class ConnectedServicesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ConnectedServices services;

    @EJB
    SamlServiceProviders providers;

    @Inject
    AdminContext admin;

    @Inject
    CasServiceBacking casForm;

    @Inject
    SamlBacking samlForm;

    @Inject
    OidcClientsBacking oidcForm;

    private ServiceProtocol protocol;
    private Long id;
    private Long establishment;
    private List<ConnectedService> rows;

    /** View action: the list, and the chosen protocol's form (the registration {@code id}, if any, in it). */
    public void load() {
        rows = services.list(admin.scope(), admin.client());
        if (protocol == ServiceProtocol.CAS) {
            casForm.load(establishment, id);
        } else if (protocol == ServiceProtocol.SAML) {
            samlForm.load(id);
        } else if (protocol == ServiceProtocol.OIDC) {
            oidcForm.load(id);
        }
    }

    /** A new federation signing key signs from now on; the previous ones stay published for the overlap. */
    public String rotate() {
        providers.rotateKeys(admin.scope(), admin.client());
        Texts.flash("admin.saml.rotated");
        return "/admin/region/services?faces-redirect=true";
    }

    /** The address of the form that changes this row. */
    public String editQuery(ConnectedService row) {
        return "protocol=" + row.protocol() + "&id=" + row.id()
                + (row.establishmentId() == null ? "" : "&establishment=" + row.establishmentId());
    }

    public ServiceProtocol[] getProtocols() { return ServiceProtocol.values(); }
    public List<ConnectedService> getRows() { return rows; }
    public ServiceProtocol getProtocol() { return protocol; }
    public void setProtocol(ServiceProtocol protocol) { this.protocol = protocol; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getEstablishment() { return establishment; }
    public void setEstablishment(Long establishment) { this.establishment = establishment; }
}
