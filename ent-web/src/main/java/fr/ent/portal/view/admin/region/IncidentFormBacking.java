package fr.ent.portal.view.admin.region;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.incident.boundary.Incidents;
import fr.ent.portal.incident.entity.IncidentDraft;
import fr.ent.portal.incident.control.IncidentNotice;
import fr.ent.portal.incident.entity.Severity;
import fr.ent.portal.view.SchoolTimes;
import fr.ent.portal.view.Texts;
import fr.ent.portal.view.admin.AdminContext;

/** The notice form of /admin/region/incidents ({@link IncidentsBacking}): dates typed in the schools' time zone. */
@Named
@ViewScoped
public class IncidentFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    Incidents incidents;

    @Inject
    AdminContext admin;

    @Inject
    SchoolTimes times;

    private Long id;
    private long version;
    private String title;
    private String text;
    private Severity severity = Severity.DISRUPTION;
    private LocalDateTime from;
    private LocalDateTime until;
    private boolean forAll = true;
    private List<Long> establishmentIds = new ArrayList<>();

    /** Fills the form with notice {@code id} (unknown id: 404), or a new notice from now. */
    void load(Long id) {
        this.id = id;
        if (id != null) {
            IncidentNotice notice = incidents.find(admin.scope(), admin.client(), id);
            version = notice.version();
            title = notice.title();
            text = notice.text();
            severity = notice.severity();
            from = times.local(notice.from());
            until = times.local(notice.until());
            forAll = notice.allEstablishments();
            establishmentIds = new ArrayList<>(notice.establishmentIds());
        } else {
            from = times.now();
        }
    }

    public String save() {
        IncidentDraft draft = new IncidentDraft(title, text, severity, times.instant(from), times.instant(until),
                forAll, new HashSet<>(establishmentIds));
        if (id == null) {
            incidents.post(admin.scope(), admin.client(), draft);
            Texts.flash("admin.incidents.posted");
        } else {
            incidents.change(admin.scope(), admin.client(), id, version, draft);
            Texts.flash("admin.incidents.saved");
        }
        return "/admin/region/incidents?faces-redirect=true";
    }

    public Severity[] getSeverities() { return Severity.values(); }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity severity) { this.severity = severity; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getUntil() { return until; }
    public void setUntil(LocalDateTime until) { this.until = until; }
    public boolean isForAll() { return forAll; }
    public void setForAll(boolean forAll) { this.forAll = forAll; }
    public List<Long> getEstablishmentIds() { return establishmentIds; }
    public void setEstablishmentIds(List<Long> establishmentIds) { this.establishmentIds = establishmentIds; }
}
