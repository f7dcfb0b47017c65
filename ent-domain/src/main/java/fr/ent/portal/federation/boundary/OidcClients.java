package fr.ent.portal.federation.boundary;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.Tokens;
import fr.ent.portal.federation.control.ClientDraft;
import fr.ent.portal.federation.entity.OidcClient;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.NotFoundException;

/**
 * The region's registry of OpenID Connect clients ({@code /admin/region/oidc-clients}): list, register, change, new
 * secret. Every method checks the region scope first (anyone else: 404 and {@code ADMIN_SCOPE_DENIED}) and audits. A
 * secret is generated here (256 random bits), shown once, and only its SHA-256 kept.
 */
@Stateless
public class OidcClients {

    public static final String CHANGED_MEANWHILE = "admin.region.changed_meanwhile";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A client just registered or given a new secret: the secret in clear, to show once (null for a public client). */
    public record Registered(long id, String clientId, String secret) {
    }

    public List<OidcClient> list(AdminScope scope, Client client) {
        scopes.requireRegion(scope, client, "oidc-clients");
        return em.createNamedQuery(OidcClient.ALL, OidcClient.class).getResultList();
    }

    public OidcClient find(AdminScope scope, Client client, long id) {
        scopes.requireRegion(scope, client, "oidc-client:" + id);
        return NotFoundException.requireFound(em.find(OidcClient.class, id));
    }

    public Registered register(AdminScope scope, Client client, ClientDraft draft) {
        scopes.requireRegion(scope, client, "oidc-client:create");
        draft.check();
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String clientId = "ent-" + HexFormat.of().formatHex(id);
        String secret = draft.confidential() ? Tokens.newToken() : null;
        OidcClient registered = new OidcClient(clientId, secret == null ? null : Tokens.hash(secret), clock.instant());
        registered.change(draft.name(), draft.redirectUris(), draft.logoutUris(), draft.scopes(),
                draft.refreshAllowed(), draft.enabled());
        registered.offer(draft.uais(), draft.startUrl());
        em.persist(registered);
        em.flush();
        audit.recordByStaff(AuditEventType.ADMIN_OIDC_CLIENT_SAVED, scope.staffId(), scope.identifier(), null, null,
                client, "registered:" + clientId + (secret == null ? ":public" : ":confidential"), null);
        return new Registered(registered.id(), clientId, secret);
    }

    public void change(AdminScope scope, Client client, long id, long shownVersion, ClientDraft draft) {
        OidcClient found = find(scope, client, id);
        draft.check();
        if (found.version() != shownVersion) {
            throw new ConflictException(CHANGED_MEANWHILE);
        }
        found.change(draft.name(), draft.redirectUris(), draft.logoutUris(), draft.scopes(), draft.refreshAllowed(),
                draft.enabled());
        found.offer(draft.uais(), draft.startUrl());
        em.flush();
        audit.recordByStaff(AuditEventType.ADMIN_OIDC_CLIENT_SAVED, scope.staffId(), scope.identifier(), null, null,
                client, "changed:" + found.clientId() + (draft.enabled() ? "" : ":off"), null);
    }

    /** A new secret for a confidential client; the previous one stops working at once. */
    public Registered newSecret(AdminScope scope, Client client, long id) {
        OidcClient found = find(scope, client, id);
        if (!found.confidential()) {
            throw new ConflictException("admin.oidc.error.public_client");
        }
        String secret = Tokens.newToken();
        found.replaceSecret(Tokens.hash(secret));
        audit.recordByStaff(AuditEventType.ADMIN_OIDC_CLIENT_SAVED, scope.staffId(), scope.identifier(), null, null,
                client, "new_secret:" + found.clientId(), null);
        return new Registered(found.id(), found.clientId(), secret);
    }
}
