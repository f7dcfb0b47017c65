package fr.ent.portal.view.admin.accounts;

import java.util.List;
import java.util.Map;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import fr.ent.portal.admin.boundary.AccountDirectory;
import fr.ent.portal.admin.boundary.DirectoryRow;
import fr.ent.portal.admin.control.DirectoryFilter;
import fr.ent.portal.admin.control.DirectorySort;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.platform.Client;

/** The table of {@link AccountsBacking}: one page at a time from the database, sorted by the column asked. */
final class AccountRows extends LazyDataModel<DirectoryRow> {

    private static final long serialVersionUID = 1L;

    private final AccountDirectory directory;
    private final AdminScope scope;
    private final DirectoryFilter filter;
    private final Client client;
    private final int count;

    AccountRows(AccountDirectory directory, AdminScope scope, DirectoryFilter filter, Client client, int count) {
        this.directory = directory;
        this.scope = scope;
        this.filter = filter;
        this.client = client;
        this.count = count;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return count;
    }

    @Override
    public List<DirectoryRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        DirectorySort order = sort == null ? DirectorySort.NAME : DirectorySort.of(sort.getField());
        boolean descending = sort != null && sort.getOrder() == SortOrder.DESCENDING;
        return directory.page(scope, filter, order, descending, first, pageSize, client);
    }

    @Override
    public String getRowKey(DirectoryRow row) {
        return String.valueOf(row.id());
    }

    @Override
    public DirectoryRow getRowData(String rowKey) {
        return null; // no selection
    }
}
