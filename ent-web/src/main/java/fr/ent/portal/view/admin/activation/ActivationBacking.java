package fr.ent.portal.view.admin.activation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import fr.ent.portal.activation.boundary.ActivationFigures;
import fr.ent.portal.activation.control.ClassFigures;
import fr.ent.portal.activation.control.EstablishmentRef;
import fr.ent.portal.letters.boundary.LetterSubject;
import fr.ent.portal.view.admin.AdminContext;

/**
 * {@code /admin/activation}: per class of an establishment of the viewer's scope (the region chooses the
 * establishment first), pupils' accounts activated, pending, with an expired code and without code, as a stacked bar
 * chart and a table; with {@code ?division=} the pupils of that class who still have to activate.
 */
@Named
@RequestScoped
public class ActivationBacking {

    @Inject
    AdminContext admin;

    @EJB
    ActivationFigures figures;

    @Inject
    ZoneId zone;

    private Long establishment;
    private String division;

    private List<EstablishmentRef> establishments = List.of();
    private List<ClassFigures> classes = List.of();
    private List<LetterSubject> toActivate;
    private String establishmentName;

    /** View action: the establishments to choose from, then the figures and the chosen class's list (scope-checked). */
    public void load() {
        establishments = figures.establishments(admin.scope());
        if (establishment == null && establishments.size() == 1) {
            establishment = establishments.get(0).id();
        }
        if (establishment == null) {
            return;
        }
        classes = figures.figures(admin.scope(), establishment, admin.client());
        establishmentName = establishments.stream().filter(e -> e.id() == establishment).map(EstablishmentRef::name)
                .findFirst().orElse("");
        if (division != null && !division.isBlank()) {
            toActivate = figures.toActivate(admin.scope(), establishment, division, admin.client());
        }
    }

    /** The Chart.js configuration of {@code p:chart}: one stacked bar per class. */
    public String getChart() {
        return ActivationChart.of(classes);
    }

    /** A code's expiry as a day in the schools' time zone. */
    public String date(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(
                instant.atZone(zone));
    }

    public List<EstablishmentRef> getEstablishments() { return establishments; }
    public List<ClassFigures> getClasses() { return classes; }
    public List<LetterSubject> getToActivate() { return toActivate; }
    public String getEstablishmentName() { return establishmentName; }
    public Long getEstablishment() { return establishment; }
    public void setEstablishment(Long establishment) { this.establishment = establishment; }
    public String getDivision() { return division; }
    public void setDivision(String division) { this.division = division; }
}
