package fr.ent.portal.view.admin.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;
import org.primefaces.model.LazyDataModel;

import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.admin.boundary.AuditLog;
import fr.ent.portal.admin.control.AuditFilter;
import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;
import fr.ent.portal.view.admin.AdminContext;

/**
 * {@code /admin/audit}: the audit events of the viewer's scope (region, school admins; anyone else 404), filtered by
 * the address's parameters ({@code type}, {@code identifier}, {@code from}, {@code to}: bookmarkable), paged by the
 * database (lazy table), and exported as CSV.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminContext admin;

    @EJB
    AuditLog log;

    @Inject
    ZoneId zone;

    private String type;
    private String identifier;
    private String from;
    private String to;

    private AuditFilter filter = AuditFilter.NONE;
    private AuditEvents events;
    private long count;

    /** View action: 404 for anyone but the region and school admins, then the filter from the parameters. */
    public void load() {
        AdminScope scope = admin.scope();
        Client client = admin.client();
        log.requireViewer(scope, client);
        filter = AuditFilterParameters.filter(type, identifier, from, to);
        count = log.count(scope, filter, client);
        events = new AuditEvents(log, scope, filter, client, count);
    }

    /** Sends the filtered events as CSV (audited by the boundary). */
    public void export() {
        AdminScope current = admin.scope();
        Client who = admin.client();
        Faces.sendFile("audit-" + LocalDate.now(zone) + ".csv", true, out -> log.export(current, filter, who, out));
    }

    public String date(AuditEvent event) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(event.occurredAt().atZone(zone));
    }

    public AuditEventType[] getTypes() { return AuditEventType.values(); }
    public LazyDataModel<AuditEvent> getEvents() { return events; }
    public long getCount() { return count; }
    public AuditFilter getFilter() { return filter; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getIdentifier() { return identifier; }
    public void setIdentifier(String identifier) { this.identifier = identifier; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
}
