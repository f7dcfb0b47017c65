package fr.ent.portal.admin.boundary;

import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.admin.control.AuditCsv;
import fr.ent.portal.admin.control.AuditFilter;
import fr.ent.portal.admin.control.AuditQuery;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.schooling.entity.SchoolYear;

/**
 * The audit log viewer: pages of events and their CSV export, for the region (every event) and school admins (events
 * in their establishments, or about or by an account they cover this school year: pupils enrolled there, their legal
 * representatives, staff assigned there). Principal teachers and everyone else get 404 (audited). Newest first.
 */
@Stateless
public class AuditLog {

    /** The most rows one export writes (the newest ones). */
    public static final int MAX_EXPORT_ROWS = 50_000;
    /** The largest page the viewer may ask for. */
    static final int MAX_PAGE = 200;

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    /** One page of the events matching the filter in the scope, newest first. */
    public List<AuditEvent> page(AdminScope scope, AuditFilter filter, int first, int size, Client client) {
        requireViewer(scope, client);
        return query(scope, filter, "select e", " order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, MAX_PAGE)))
                .getResultList();
    }

    /** How many events match the filter in the scope. */
    public long count(AdminScope scope, AuditFilter filter, Client client) {
        requireViewer(scope, client);
        return query(scope, filter, "select count(e)", "", Long.class).getSingleResult();
    }

    /**
     * Writes the matching events (the newest {@value #MAX_EXPORT_ROWS} at most) as CSV to {@code out} and records
     * {@code AUDIT_EXPORTED}; returns the number of rows written.
     */
    public int export(AdminScope scope, AuditFilter filter, Client client, OutputStream out) {
        requireViewer(scope, client);
        int rows;
        try (Stream<AuditEvent> events = query(scope, filter, "select e", " order by e.occurredAt desc, e.id desc",
                AuditEvent.class).setMaxResults(MAX_EXPORT_ROWS).setHint("org.hibernate.fetchSize", 500)
                .setHint("org.hibernate.readOnly", true).getResultStream()) {
            Iterator<AuditEvent> iterator = events.iterator();
            rows = new AuditCsv(zone()).write(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return iterator.hasNext();
                }

                @Override
                public AuditEvent next() {
                    AuditEvent next = iterator.next();
                    em.detach(next); // keep the persistence context small over a long export
                    return next;
                }
            }, out);
        }
        audit.recordByStaff(AuditEventType.AUDIT_EXPORTED, scope.staffId(), scope.identifier(), null,
                filter.identifier(), client, ("rows:" + rows + " " + filter.summary()).strip(),
                scope.region() || scope.establishments().size() != 1 ? null : scope.establishments().iterator().next());
        return rows;
    }

    /** The audit log is for the region and school admins: anyone else gets 404 (audited). */
    public void requireViewer(AdminScope scope, Client client) {
        if (!scope.region() && !scope.isSchoolAdmin()) {
            throw scopes.denied(scope, client, "audit", null);
        }
    }

    private <T> TypedQuery<T> query(AdminScope scope, AuditFilter filter, String select, String order, Class<T> type) {
        return AuditQuery.of(em, scope, filter, SchoolYear.current(clock), zone(), select, order, type);
    }

    private ZoneId zone() {
        return settings.timeZone();
    }

}
