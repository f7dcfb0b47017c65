package fr.ent.portal.view.status;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.establishment.boundary.EstablishmentNames;
import fr.ent.portal.incident.control.IncidentNotice;
import fr.ent.portal.view.incident.IncidentBanner;

/** Backing bean of the public /status page: every current notice, with the establishments each concerns. */
@Named
@RequestScoped
public class StatusBacking {

    @Inject
    IncidentBanner banner;

    @Inject
    EstablishmentNames names;

    public List<IncidentNotice> getNotices() {
        return banner.getAll();
    }

    /** The names of the establishments a notice concerns, comma-separated (empty when it concerns all). */
    public String establishments(IncidentNotice notice) {
        return notice.allEstablishments() ? "" : names.namesOf(notice.establishmentIds());
    }
}
