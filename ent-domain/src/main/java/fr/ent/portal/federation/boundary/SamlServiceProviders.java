package fr.ent.portal.federation.boundary;

import java.time.Clock;
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
import fr.ent.portal.federation.control.SamlRefused;
import fr.ent.portal.federation.control.SpDraft;
import fr.ent.portal.federation.control.SamlAttribute;
import fr.ent.portal.federation.control.SpMetadata;
import fr.ent.portal.federation.entity.SamlServiceProvider;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.NotFoundException;

/**
 * The region's registry of SAML service providers ({@code /admin/region/saml}): list, register from uploaded
 * metadata, change (with new metadata or not), and the rotation of the federation's signing keys. Every method checks
 * the region scope first (anyone else: 404 and {@code ADMIN_SCOPE_DENIED}) and audits.
 */
@Stateless
public class SamlServiceProviders {

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    AuditTrail audit;

    @EJB
    FederationKeys keys;

    @Inject
    Clock clock;

    public List<SamlServiceProvider> list(AdminScope scope, Client client) {
        scopes.requireRegion(scope, client, "saml-sps");
        return em.createNamedQuery(SamlServiceProvider.ALL, SamlServiceProvider.class).getResultList();
    }

    public SamlServiceProvider find(AdminScope scope, Client client, long id) {
        scopes.requireRegion(scope, client, "saml-sp:" + id);
        return NotFoundException.requireFound(em.find(SamlServiceProvider.class, id));
    }

    /** Registers a provider from its metadata (the entity id must be new). */
    public long register(AdminScope scope, Client client, byte[] metadata, SpDraft draft) {
        scopes.requireRegion(scope, client, "saml-sp:create");
        SpMetadata read = read(metadata);
        draft.check(read);
        boolean known = !em.createNamedQuery(SamlServiceProvider.BY_ENTITY_ID, SamlServiceProvider.class)
                .setParameter("entityId", read.entityId()).getResultList().isEmpty();
        if (known) {
            throw new ConflictException("admin.saml.error.known");
        }
        SamlServiceProvider provider = new SamlServiceProvider(read.entityId(), read.acs(), read.slo(), read.sloRedirect(), read.certificate(),
                read.requestsSigned(), clock.instant());
        provider.change(draft.name(), SamlAttribute.join(draft.attributes()), draft.transientNameId(), draft.signedRequests(), draft.uais(),
                draft.singleLogout(), draft.enabled());
        provider.startAt(draft.startUrl());
        em.persist(provider);
        em.flush();
        audit.recordByStaff(AuditEventType.ADMIN_SAML_SP_SAVED, scope.staffId(), scope.identifier(), null, null, client,
                cut("registered:" + read.entityId()), null);
        return provider.id();
    }

    /** Changes what the region decides, and the metadata when a new file comes (same entity id). */
    public void change(AdminScope scope, Client client, long id, long shownVersion, byte[] metadata, SpDraft draft) {
        SamlServiceProvider found = find(scope, client, id);
        SpMetadata read = metadata == null || metadata.length == 0 ? null : read(metadata);
        if (read != null && !read.entityId().equals(found.entityId())) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("metadata",
                    "admin.saml.error.other_entity")));
        }
        draft.check(read);
        if (found.version() != shownVersion) {
            throw new ConflictException(OidcClients.CHANGED_MEANWHILE);
        }
        if (read != null) {
            found.useMetadata(read.entityId(), read.acs(), read.slo(), read.sloRedirect(), read.certificate(),
                    read.requestsSigned());
        }
        found.change(draft.name(), SamlAttribute.join(draft.attributes()), draft.transientNameId(), draft.signedRequests(), draft.uais(),
                draft.singleLogout(), draft.enabled());
        found.startAt(draft.startUrl());
        em.flush();
        audit.recordByStaff(AuditEventType.ADMIN_SAML_SP_SAVED, scope.staffId(), scope.identifier(), null, null, client,
                cut("changed:" + found.entityId() + (read == null ? "" : ":metadata") + (draft.enabled() ? "" : ":off")),
                null);
    }

    /**
     * A new federation signing key signs from now on (SAML assertions and OpenID Connect ID tokens); the previous
     * ones stay published for {@code ent.federation.key-overlap}, in the SAML metadata as in the JWKS.
     */
    public String rotateKeys(AdminScope scope, Client client) {
        scopes.requireRegion(scope, client, "federation-keys:rotate");
        String kid = keys.rotate();
        audit.recordByStaff(AuditEventType.ADMIN_SAML_SP_SAVED, scope.staffId(), scope.identifier(), null, null, client,
                "keys_rotated:" + kid, null);
        return kid;
    }

    private static SpMetadata read(byte[] metadata) {
        try {
            return SpMetadata.read(metadata);
        } catch (SamlRefused refused) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError("metadata",
                    "admin.saml.error.metadata")));
        }
    }

    private static String cut(String detail) {
        return detail.length() > 250 ? detail.substring(0, 250) : detail;
    }
}
