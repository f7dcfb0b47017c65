package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.federation.boundary.OidcClients;
import fr.ent.portal.federation.control.ClientDraft;
import fr.ent.portal.federation.control.ScopeClaims;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * The OpenID Connect form of /admin/region/services ({@code ?protocol=OIDC}, {@link ConnectedServicesBacking}):
 * register a client or change the one chosen ({@code &id=}); a new secret, shown once, is {@link OidcSecretBacking}'s.
 */
@Named
@ViewScoped
public class OidcClientsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OidcClients clients;

    @Inject
    AdminContext admin;

    @Inject
    OidcSecretBacking secret;

    private Long id;
    private OidcForm form = new OidcForm();

    /** View action: the chosen client in the form (unknown id: 404); none: a new one. */
    public void load(Long chosen) {
        id = chosen;
        if (id != null) {
            form = OidcForm.of(clients.find(admin.scope(), admin.client(), id));
        }
    }

    public String save() {
        ClientDraft draft = form.draft();
        if (id == null) { // the secret is shown once, on this view: no redirect
            OidcClients.Registered registered = clients.register(admin.scope(), admin.client(), draft);
            secret.show(registered);
            id = registered.id();
            Texts.globalInfo("admin.oidc.registered");
            load(id);
            return null;
        }
        clients.change(admin.scope(), admin.client(), id, form.version, draft);
        Texts.flash("admin.oidc.saved");
        return "/admin/region/services?faces-redirect=true&protocol=OIDC&id=" + id;
    }

    public List<String> getKnownScopes() { return ScopeClaims.KNOWN; }
    public Long getId() { return id; }
    public OidcForm getForm() { return form; }
}
