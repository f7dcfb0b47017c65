package fr.ent.portal.view.admin.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.admin.boundary.AuditLog;
import fr.ent.portal.admin.control.AuditFilter;
import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.view.Texts;
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
    Settings settings;

    private String type;
    private String identifier;
    private String from;
    private String to;

    private AuditFilter filter = AuditFilter.NONE;
    private AdminScope scope;
    private Client client;
    private Events events;
    private long count;

    /** View action: 404 for anyone but the region and school admins, then the filter from the parameters. */
    public void load() {
        scope = admin.scope();
        client = admin.client();
        log.requireViewer(scope, client);
        filter = new AuditFilter(typeOf(type), identifier, day(from), day(to));
        count = log.count(scope, filter, client);
        events = new Events();
    }

    /** Sends the filtered events as CSV (audited by the boundary). */
    public void export() {
        AdminScope current = admin.scope();
        Client who = admin.client();
        Faces.sendFile("audit-" + LocalDate.now(zone()) + ".csv", true, out -> log.export(current, filter, who, out));
    }

    public String date(AuditEvent event) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(event.occurredAt().atZone(zone()));
    }

    private ZoneId zone() {
        return settings.timeZone();
    }

    private static AuditEventType typeOf(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AuditEventType.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            Texts.globalError("admin.audit.filter.bad_date");
            return null;
        }
    }

    /** One page at a time from the database, newest first. */
    final class Events extends LazyDataModel<AuditEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, count);
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            return log.page(scope, filter, first, pageSize, client);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return String.valueOf(event.id());
        }
    }

    public AuditEventType[] getTypes() {
        return AuditEventType.values();
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    public long getCount() {
        return count;
    }

    public AuditFilter getFilter() {
        return filter;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
