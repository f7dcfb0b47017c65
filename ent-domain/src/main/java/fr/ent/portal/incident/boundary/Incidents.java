package fr.ent.portal.incident.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.incident.control.IncidentBoard;
import fr.ent.portal.incident.entity.IncidentDraft;
import fr.ent.portal.incident.control.IncidentNotice;
import fr.ent.portal.incident.entity.Incident;
import fr.ent.portal.platform.persistence.VersionCheck;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.platform.NotFoundException;

/**
 * Incident notices: the region posts, changes and ends them (each step audited, checked against the version the
 * page showed); everyone reads the current ones through {@link CurrentIncidents}, which caches {@link #board}.
 */
@Stateless
public class Incidents {

    /** Past notices listed on the region's page: those ended in the last 30 days. */
    static final Duration PAST_SHOWN = Duration.ofDays(30);

    public static final String CHANGED_MEANWHILE = "admin.incidents.changed_meanwhile";

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<IncidentsChanged> changed;

    /** The notices not ended now (current and upcoming), read from the database. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public IncidentBoard board() {
        return new IncidentBoard(em.createNamedQuery(Incident.NOT_ENDED, Incident.class)
                .setParameter("now", clock.instant()).getResultList().stream().map(IncidentNotice::of).toList());
    }

    /** The region's page: current, upcoming, and ended in the last 30 days. */
    public IncidentList list(AdminScope scope, Client client) {
        scopes.requireRegion(scope, client, "incidents");
        Instant now = clock.instant();
        List<IncidentNotice> current = new ArrayList<>();
        List<IncidentNotice> upcoming = new ArrayList<>();
        List<IncidentNotice> past = new ArrayList<>();
        for (Incident incident : em.createNamedQuery(Incident.ALL_RECENT, Incident.class)
                .setParameter("since", now.minus(PAST_SHOWN)).getResultList()) {
            IncidentNotice notice = IncidentNotice.of(incident);
            if (incident.isCurrentAt(now)) {
                current.add(notice);
            } else if (incident.isUpcomingAt(now)) {
                upcoming.add(notice);
            } else {
                past.add(notice);
            }
        }
        return new IncidentList(current, upcoming, past);
    }

    /** One notice, to edit it (region only; unknown id: 404). */
    public IncidentNotice find(AdminScope scope, Client client, long incidentId) {
        return IncidentNotice.of(load(scope, client, incidentId));
    }

    /** Posts a notice (region only). */
    public long post(AdminScope scope, Client client, IncidentDraft draft) {
        scopes.requireRegion(scope, client, "incident:post");
        checkEstablishments(draft.check());
        Incident incident = new Incident(draft, clock.instant(), scope.identifier());
        em.persist(incident);
        em.flush();
        audit.recordByStaff(AuditEventType.INCIDENT_POSTED, scope.staffId(), scope.identifier(), null, null, client,
                "incident:" + incident.id() + ":" + draft.severity(), null);
        changed.fire(new IncidentsChanged(incident.id()));
        return incident.id();
    }

    /** Changes a notice (region only), if nobody saved it since the page showed {@code shownVersion}. */
    public void change(AdminScope scope, Client client, long incidentId, long shownVersion, IncidentDraft draft) {
        Incident incident = load(scope, client, incidentId);
        requireVersion(incident, shownVersion);
        checkEstablishments(draft.check());
        incident.change(draft);
        flush();
        audit.recordByStaff(AuditEventType.INCIDENT_CHANGED, scope.staffId(), scope.identifier(), null, null, client,
                "incident:" + incidentId + ":changed", null);
        changed.fire(new IncidentsChanged(incidentId));
    }

    /** Ends a notice now (region only): it leaves the banners and /status at once on this node. */
    public void endNow(AdminScope scope, Client client, long incidentId, long shownVersion) {
        Incident incident = load(scope, client, incidentId);
        requireVersion(incident, shownVersion);
        incident.endAt(clock.instant());
        flush();
        audit.recordByStaff(AuditEventType.INCIDENT_CHANGED, scope.staffId(), scope.identifier(), null, null, client,
                "incident:" + incidentId + ":ended", null);
        changed.fire(new IncidentsChanged(incidentId));
    }

    private Incident load(AdminScope scope, Client client, long incidentId) {
        scopes.requireRegion(scope, client, "incident:" + incidentId);
        return NotFoundException.requireFound(em.find(Incident.class, incidentId));
    }

    private void checkEstablishments(IncidentDraft draft) {
        for (Long id : draft.establishmentIds()) {
            if (id == null || em.find(Establishment.class, id) == null) {
                throw new InvalidInputException(List.of(new FieldError("establishments",
                        "incident.establishments.unknown")));
            }
        }
    }

    private static void requireVersion(Incident incident, long shownVersion) {
        VersionCheck.require(incident.version(), shownVersion, CHANGED_MEANWHILE);
    }

    private void flush() {
        VersionCheck.flush(em, CHANGED_MEANWHILE);
    }
}
