package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.federation.boundary.OidcClients;
import fr.ent.portal.federation.control.ClientDraft;
import fr.ent.portal.federation.control.ScopeClaims;
import fr.ent.portal.federation.entity.OidcClient;
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
    private long version;
    private String name;
    private String redirectUris;
    private String logoutUris;
    private List<String> scopes = new ArrayList<>(List.of(ScopeClaims.OPENID, ScopeClaims.PROFILE));
    private boolean confidential = true;
    private boolean refreshAllowed;
    private boolean enabled = true;
    private String uais;
    private String startUrl;

    /** View action: the chosen client in the form (unknown id: 404); none: a new one. */
    public void load(Long chosen) {
        id = chosen;
        if (id != null) {
            OidcClient client = clients.find(admin.scope(), admin.client(), id);
            version = client.version();
            name = client.name();
            redirectUris = String.join("\n", client.redirectUris());
            logoutUris = String.join("\n", client.logoutUris());
            scopes = new ArrayList<>(client.scopes());
            confidential = client.confidential();
            refreshAllowed = client.refreshAllowed();
            enabled = client.enabled();
            uais = String.join(" ", client.uais());
            startUrl = client.startUrl();
        }
    }

    public String save() {
        ClientDraft draft = ClientDraft.of(name, redirectUris, logoutUris, new HashSet<>(scopes), confidential,
                refreshAllowed, enabled, uais, startUrl);
        if (id == null) { // the secret is shown once, on this view: no redirect
            OidcClients.Registered registered = clients.register(admin.scope(), admin.client(), draft);
            secret.show(registered);
            id = registered.id();
            Texts.globalInfo("admin.oidc.registered");
            load(id);
            return null;
        }
        clients.change(admin.scope(), admin.client(), id, version, draft);
        Texts.flash("admin.oidc.saved");
        return "/admin/region/services?faces-redirect=true&protocol=OIDC&id=" + id;
    }

    public List<String> getKnownScopes() { return ScopeClaims.KNOWN; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRedirectUris() { return redirectUris; }
    public void setRedirectUris(String redirectUris) { this.redirectUris = redirectUris; }
    public String getLogoutUris() { return logoutUris; }
    public void setLogoutUris(String logoutUris) { this.logoutUris = logoutUris; }
    public List<String> getScopes() { return scopes; }
    public void setScopes(List<String> scopes) { this.scopes = scopes; }
    public boolean isConfidential() { return confidential; }
    public void setConfidential(boolean confidential) { this.confidential = confidential; }
    public boolean isRefreshAllowed() { return refreshAllowed; }
    public void setRefreshAllowed(boolean refreshAllowed) { this.refreshAllowed = refreshAllowed; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getUais() { return uais; }
    public void setUais(String uais) { this.uais = uais; }
    public String getStartUrl() { return startUrl; }
    public void setStartUrl(String startUrl) { this.startUrl = startUrl; }
}
