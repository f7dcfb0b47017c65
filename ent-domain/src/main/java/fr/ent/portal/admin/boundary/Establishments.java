package fr.ent.portal.admin.boundary;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.control.EstablishmentDraft;
import fr.ent.portal.establishment.control.ServiceDraft;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.OfferedService;
import fr.ent.portal.establishment.entity.ServicesChanged;
import fr.ent.portal.establishment.entity.UaiRule;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.platform.UniqueConstraints;
import fr.ent.portal.platform.persistence.VersionCheck;

/**
 * The establishments of the region. The administration methods (taking an {@link AdminScope}) are the region's
 * only: anyone else gets 404 and an {@code ADMIN_SCOPE_DENIED} event; each change is audited and checked against
 * the version the page showed ({@code admin.region.changed_meanwhile} when someone saved in between).
 */
@Stateless
public class Establishments {

    @Inject
    Event<ServicesChanged> servicesChanged;

    /** Message of a change refused because someone else saved the same thing in between. */
    public static final String CHANGED_MEANWHILE = "admin.region.changed_meanwhile";

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    AuditTrail audit;

    @jakarta.inject.Inject
    fr.ent.portal.platform.config.Settings settings;

    /** Every establishment, by name, without its services (region only). */
    public List<EstablishmentRow> listForRegion(AdminScope scope, Client client) {
        scopes.requireRegion(scope, client, "establishments");
        return list().stream().map(e -> EstablishmentRow.of(e, false)).toList();
    }

    /** One establishment with its services (region only; unknown id: 404). */
    public EstablishmentRow find(AdminScope scope, Client client, long establishmentId) {
        return EstablishmentRow.of(load(scope, client, establishmentId), true);
    }

    /** Registers an establishment (region only); a UAI already registered is refused on the UAI field. */
    public long create(AdminScope scope, Client client, EstablishmentDraft draft) {
        scopes.requireRegion(scope, client, "establishment:create");
        draft.check();
        Establishment establishment = new Establishment(draft.uai(), draft.name(), draft.kind(), draft.academie(),
                draft.city());
        establishment.changeContact(draft.contactEmail(), draft.contactPhone());
        try {
            create(establishment);
        } catch (ConflictException taken) {
            throw new InvalidInputException(List.of(new FieldError("uai", "establishment.uai.taken",
                    List.of(draft.uai()))));
        }
        audit.recordByStaff(AuditEventType.ESTABLISHMENT_CREATED, scope.staffId(), scope.identifier(), null, null,
                client, establishment.uai(), establishment.id());
        return establishment.id();
    }

    /** Changes name, kind, académie, city and contact (region only); the UAI code stays. */
    public void change(AdminScope scope, Client client, long establishmentId, long shownVersion,
                       EstablishmentDraft draft) {
        Establishment establishment = load(scope, client, establishmentId);
        requireVersion(establishment.version(), shownVersion);
        new EstablishmentDraft(establishment.uai(), draft.name(), draft.kind(), draft.academie(), draft.city(),
                draft.contactEmail(), draft.contactPhone()).check();
        establishment.change(draft.name(), draft.kind(), draft.academie(), draft.city());
        establishment.changeContact(draft.contactEmail(), draft.contactPhone());
        flush();
        audit.recordByStaff(AuditEventType.ESTABLISHMENT_CHANGED, scope.staffId(), scope.identifier(), null, null,
                client, establishment.uai(), establishment.id());
        servicesChanged.fire(new ServicesChanged(establishmentId));
    }

    /**
     * Adds a service ({@code serviceId} null) or changes one of this establishment's (region only). A position moves
     * the service there; none puts a new service after the others.
     */
    public void saveService(AdminScope scope, Client client, long establishmentId, Long serviceId, long shownVersion,
                            ServiceDraft draft) {
        Establishment establishment = load(scope, client, establishmentId);
        draft.check(settings.getBoolean(fr.ent.portal.platform.config.Setting.CAS_LOOPBACK_HTTP));
        OfferedService service;
        String detail;
        if (serviceId == null) {
            service = establishment.offerService(draft.name(), draft.url());
            service.change(draft.name(), draft.url(), draft.enabled());
            detail = "added";
        } else {
            service = establishment.service(serviceId)
                    .orElseThrow(() -> new ConflictException(CHANGED_MEANWHILE));
            requireVersion(service.version(), shownVersion);
            service.change(draft.name(), draft.url(), draft.enabled());
            detail = "changed:" + serviceId;
        }
        if (draft.position() != null) {
            service.moveTo(draft.position());
        }
        if (draft.pattern() == null) {
            service.openAsPlainLink();
        } else {
            service.openThroughSso(draft.pattern(), draft.attributes(), draft.singleLogout());
            detail += ":sso";
        }
        flush();
        audit.recordByStaff(AuditEventType.SERVICE_CHANGED, scope.staffId(), scope.identifier(), null, null, client,
                detail + (draft.enabled() ? "" : ":off"), establishmentId);
        servicesChanged.fire(new ServicesChanged(establishmentId));
    }

    /** Stops offering a service of this establishment (region only). */
    public void removeService(AdminScope scope, Client client, long establishmentId, long serviceId,
                              long shownVersion) {
        Establishment establishment = load(scope, client, establishmentId);
        OfferedService service = establishment.service(serviceId)
                .orElseThrow(() -> new ConflictException(CHANGED_MEANWHILE));
        requireVersion(service.version(), shownVersion);
        establishment.withdrawService(service);
        flush();
        audit.recordByStaff(AuditEventType.SERVICE_CHANGED, scope.staffId(), scope.identifier(), null, null, client,
                "removed:" + serviceId, establishmentId);
        servicesChanged.fire(new ServicesChanged(establishmentId));
    }

    private Establishment load(AdminScope scope, Client client, long establishmentId) {
        scopes.requireRegion(scope, client, "establishment:" + establishmentId);
        return NotFoundException.requireFound(em.find(Establishment.class, establishmentId));
    }

    private static void requireVersion(long current, long shown) {
        VersionCheck.require(current, shown, CHANGED_MEANWHILE);
    }

    private void flush() {
        VersionCheck.flush(em, CHANGED_MEANWHILE);
    }

    /** The establishment with this UAI code (typed in any case), with its services. */
    public Optional<Establishment> findByUai(String uai) {
        return em.createNamedQuery(Establishment.BY_UAI, Establishment.class)
                .setParameter("uai", UaiRule.normalize(uai))
                .getResultStream().findFirst();
    }

    /** All establishments, by name. */
    public List<Establishment> list() {
        return em.createNamedQuery(Establishment.ALL, Establishment.class).getResultList();
    }

    /** Registers a new establishment; a UAI already registered is refused ({@code establishment.uai.taken}). */
    public Establishment create(Establishment establishment) {
        if (em.createNamedQuery(Establishment.COUNT_BY_UAI, Long.class)
                .setParameter("uai", establishment.uai()).getSingleResult() > 0) {
            throw new ConflictException("establishment.uai.taken", establishment.uai());
        }
        try {
            em.persist(establishment);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violated(e, "uk_establishment_uai")) {
                throw new ConflictException("establishment.uai.taken", establishment.uai());
            }
            throw e;
        }
        return establishment;
    }
}
