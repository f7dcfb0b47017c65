package fr.ent.portal.view.admin.audit;

import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.admin.boundary.AuditLog;
import fr.ent.portal.admin.control.AuditFilter;
import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.platform.Client;

/** The audit table of {@link AuditBacking}: one page at a time from the database, newest first. */
final class AuditEvents extends LazyDataModel<AuditEvent> {

    private static final long serialVersionUID = 1L;

    private final AuditLog log;
    private final AdminScope scope;
    private final AuditFilter filter;
    private final Client client;
    private final long count;

    AuditEvents(AuditLog log, AdminScope scope, AuditFilter filter, Client client, long count) {
        this.log = log;
        this.scope = scope;
        this.filter = filter;
        this.client = client;
        this.count = count;
    }

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
