package fr.ent.portal.view.admin.region;

import java.io.Serializable;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.federation.boundary.OidcClients;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * The client id and secret of /admin/region/services?protocol=OIDC ({@link OidcClientsBacking}), shown once, on the answer to
 * the action that made them (never kept in the flash or replicated with the session).
 */
@Named
@ViewScoped
public class OidcSecretBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OidcClients clients;

    @Inject
    AdminContext admin;

    @Inject
    OidcClientsBacking page;

    private String shownClientId;
    private transient String shownSecret;

    void show(OidcClients.Registered registered) {
        shownClientId = registered.clientId();
        shownSecret = registered.secret();
    }

    /** A new secret for the chosen client (the former one stops working). */
    public String newSecret() {
        show(clients.newSecret(admin.scope(), admin.client(), page.getId()));
        Texts.globalInfo("admin.oidc.secret_renewed");
        page.load(page.getId());
        return null;
    }

    public String getShownClientId() { return shownClientId; }
    public String getShownSecret() { return shownSecret; }
}
