package fr.ent.portal.federation.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.establishment.entity.OfferedService;
import fr.ent.portal.federation.control.ServiceProtocol;
import fr.ent.portal.federation.entity.OidcClient;
import fr.ent.portal.federation.entity.SamlServiceProvider;
import fr.ent.portal.platform.Client;

/**
 * The region's one registry of connected services ({@code /admin/region/services}): the CAS services of every
 * establishment (those with a ticket pattern), the SAML service providers and the OpenID Connect clients, in one list
 * with their protocol, where they are offered, single logout and the address their tile opens. Region only (anyone
 * else: 404 and {@code ADMIN_SCOPE_DENIED}); each protocol's changes stay with its own boundary, which checks and
 * audits them: {@code admin.boundary.Establishments} (CAS), {@link SamlServiceProviders}, {@link OidcClients}.
 */
@Stateless
public class ConnectedServices {

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    SamlIdentityProvider idp;

    public List<ConnectedService> list(AdminScope scope, Client client) {
        scopes.requireRegion(scope, client, "connected-services");
        List<ConnectedService> all = new ArrayList<>();
        em.createQuery("select s from OfferedService s join fetch s.establishment where s.casPatternKind is not null",
                OfferedService.class).getResultList().forEach(s -> all.add(cas(s)));
        em.createNamedQuery(SamlServiceProvider.ALL, SamlServiceProvider.class).getResultList()
                .forEach(p -> all.add(saml(p)));
        em.createNamedQuery(OidcClient.ALL, OidcClient.class).getResultList().forEach(c -> all.add(oidc(c)));
        all.sort(Comparator.comparing((ConnectedService s) -> s.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(ConnectedService::protocol));
        return all;
    }

    private static ConnectedService cas(OfferedService service) {
        return new ConnectedService(ServiceProtocol.CAS, service.id(), service.establishment().id(), service.name(),
                service.ssoPattern().map(p -> p.value()).orElse(""), List.of(service.establishment().uai()),
                service.singleLogout(), service.enabled(), service.url());
    }

    private ConnectedService saml(SamlServiceProvider provider) {
        return new ConnectedService(ServiceProtocol.SAML, provider.id(), null, provider.name(), provider.entityId(),
                provider.uais(), provider.singleLogout(), provider.enabled(),
                provider.startUrl() != null ? provider.startUrl() : idp.startAddress(provider.entityId()));
    }

    private static ConnectedService oidc(OidcClient client) {
        // OpenID Connect logout is RP-initiated (the client sends the browser to /oidc/logout): no back-channel
        return new ConnectedService(ServiceProtocol.OIDC, client.id(), null, client.name(), client.clientId(),
                client.uais(), false, client.enabled(), client.startUrl());
    }
}
