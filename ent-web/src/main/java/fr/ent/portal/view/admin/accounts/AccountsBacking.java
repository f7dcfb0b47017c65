package fr.ent.portal.view.admin.accounts;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;

import fr.ent.portal.admin.boundary.AccountDirectory;
import fr.ent.portal.admin.boundary.DirectoryRow;
import fr.ent.portal.admin.control.DirectoryFilter;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.platform.Client;
import fr.ent.portal.view.admin.AddressParameters;
import fr.ent.portal.view.admin.AdminContext;

/**
 * {@code /admin/accounts}: the accounts of the viewer's scope, filtered by the address's parameters ({@code name},
 * {@code identifier}, {@code division}, {@code profile}, {@code status}: bookmarkable), sorted and paged by the
 * database (lazy table). The count is computed once per filter (the view), capped by {@link AccountDirectory}.
 */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdminContext admin;

    @EJB
    AccountDirectory directory;

    private String name;
    private String identifier;
    private String division;
    private String profile;
    private String status;

    private DirectoryFilter filter = DirectoryFilter.NONE;
    private int count;
    private List<String> divisions = List.of();
    private AccountRows rows;

    /** View action: the filter from the parameters (an unknown profile or status filters nothing), then the count. */
    public void load() {
        AdminScope scope = admin.scope();
        Client client = admin.client();
        filter = new DirectoryFilter(name, identifier, division, AddressParameters.constant(Profile.class, profile),
                AddressParameters.constant(AccountStatus.class, status));
        count = directory.count(scope, filter, client);
        divisions = directory.divisions(scope, client);
        rows = new AccountRows(directory, scope, filter, client, count);
    }

    /** More than the directory counts: the page asks to refine the filters. */
    public boolean isCapped() { return count > AccountDirectory.COUNT_CAP; }
    public int getCap() { return AccountDirectory.COUNT_CAP; }
    public Profile[] getProfiles() { return Profile.values(); }
    public AccountStatus[] getStatuses() { return AccountStatus.values(); }
    public LazyDataModel<DirectoryRow> getRows() { return rows; }
    public int getCount() { return count; }
    public List<String> getDivisions() { return divisions; }
    public DirectoryFilter getFilter() { return filter; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdentifier() { return identifier; }
    public void setIdentifier(String identifier) { this.identifier = identifier; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public String getProfile() { return profile; }
    public void setProfile(String profile) { this.profile = profile; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
