package fr.ent.portal.view.admin.region;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import fr.ent.portal.federation.control.ClientDraft;
import fr.ent.portal.federation.control.ScopeClaims;
import fr.ent.portal.federation.entity.OidcClient;

/** The fields of {@link OidcClientsBacking}'s form: an OpenID Connect client as registered, besides its secret. */
public class OidcForm extends ServiceForm {

    private static final long serialVersionUID = 1L;

    private String redirectUris;
    private String logoutUris;
    private List<String> scopes = new ArrayList<>(List.of(ScopeClaims.OPENID, ScopeClaims.PROFILE));
    private boolean confidential = true;
    private boolean refreshAllowed;
    private String uais;
    private String startUrl;

    /** The form filled with {@code client} as registered. */
    static OidcForm of(OidcClient client) {
        OidcForm form = new OidcForm();
        form.version = client.version();
        form.setName(client.name());
        form.redirectUris = String.join("\n", client.redirectUris());
        form.logoutUris = String.join("\n", client.logoutUris());
        form.scopes = new ArrayList<>(client.scopes());
        form.confidential = client.confidential();
        form.refreshAllowed = client.refreshAllowed();
        form.setEnabled(client.enabled());
        form.uais = String.join(" ", client.uais());
        form.startUrl = client.startUrl();
        return form;
    }

    /** What was typed, for the boundary to check. */
    ClientDraft draft() {
        return ClientDraft.of(getName(), redirectUris, logoutUris, new HashSet<>(scopes), confidential, refreshAllowed,
                isEnabled(), uais, startUrl);
    }

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
    public String getUais() { return uais; }
    public void setUais(String uais) { this.uais = uais; }
    public String getStartUrl() { return startUrl; }
    public void setStartUrl(String startUrl) { this.startUrl = startUrl; }
}
