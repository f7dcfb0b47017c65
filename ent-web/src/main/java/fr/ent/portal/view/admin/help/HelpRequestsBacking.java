package fr.ent.portal.view.admin.help;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.help.boundary.HelpRequestFilter;
import fr.ent.portal.help.boundary.HelpRequestView;
import fr.ent.portal.help.boundary.HelpRequests;
import fr.ent.portal.help.entity.HelpRequest;
import fr.ent.portal.help.entity.HelpRequestKind;
import fr.ent.portal.help.entity.HelpRequestStatus;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AddressParameters;
import fr.ent.portal.view.admin.AdminContext;

/**
 * Backing bean of /admin/help-requests: the requests the viewer may see (filters in the address: kind, status,
 * class), links to the account's pages, and the resolve dialog (a mandatory note). {@link HelpRequests} checks the
 * scope of every request again, whatever id the form carries.
 */
@Named
@ViewScoped
public class HelpRequestsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    HelpRequests helpRequests;

    @Inject
    AdminContext admin;

    private String kind;
    private String status;
    private String division;
    private List<HelpRequestView> requests;

    private Long requestId;
    private String note;

    /** View action: the list, filtered (an unknown filter value filters nothing). */
    public void load() {
        requests = helpRequests.forAdmin(admin.scope(), filter(), admin.client());
    }

    public String resolve() {
        if (requestId == null) {
            Texts.globalError("admin.help.choose");
            return null;
        }
        requests = null; // a refusal shows this view again with the list as it is now (resolved meanwhile…)
        helpRequests.resolve(admin.scope(), requestId, note, admin.client());
        Texts.flash("admin.help.resolved");
        return "/admin/help-requests?faces-redirect=true&includeViewParams=true";
    }

    private HelpRequestFilter filter() {
        return new HelpRequestFilter(AddressParameters.constant(HelpRequestKind.class, kind),
                AddressParameters.constant(HelpRequestStatus.class, status), division);
    }

    public HelpRequestKind[] getKinds() { return HelpRequestKind.values(); }
    public HelpRequestStatus[] getStatuses() { return HelpRequestStatus.values(); }
    public int getMaxNote() { return HelpRequest.MAX_NOTE; }

    public List<HelpRequestView> getRequests() {
        if (requests == null) {
            load();
        }
        return requests;
    }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
    public Long getRequestId() { return requestId; }
    public void setRequestId(Long requestId) { this.requestId = requestId; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
