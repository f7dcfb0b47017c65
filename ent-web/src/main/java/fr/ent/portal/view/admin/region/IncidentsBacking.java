package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.admin.boundary.EstablishmentRow;
import fr.ent.portal.admin.boundary.Establishments;
import fr.ent.portal.incident.boundary.IncidentList;
import fr.ent.portal.incident.boundary.Incidents;
import fr.ent.portal.incident.control.IncidentNotice;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/**
 * Backing bean of /admin/region/incidents: current, upcoming and past notices and "end now"; the form to post one or
 * change the one chosen ({@code ?id=}) is {@link IncidentFormBacking}'s.
 */
@Named
@ViewScoped
public class IncidentsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Incidents incidents;

    @EJB
    Establishments establishments;

    @Inject
    AdminContext admin;

    @Inject
    IncidentFormBacking form;

    private Long id;
    private IncidentList list;
    private List<EstablishmentRow> allEstablishments;

    /** View action: the lists, and the chosen notice in the form (unknown id: 404). */
    public void load() {
        list = incidents.list(admin.scope(), admin.client());
        allEstablishments = establishments.listForRegion(admin.scope(), admin.client());
        form.load(id);
    }

    public String end(IncidentNotice notice) {
        incidents.endNow(admin.scope(), admin.client(), notice.id(), notice.version());
        Texts.flash("admin.incidents.ended");
        return "/admin/region/incidents?faces-redirect=true";
    }

    public IncidentList getList() { return list; }
    public List<EstablishmentRow> getAllEstablishments() { return allEstablishments; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
}
