package fr.ent.portal.view.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.util.Faces;

import fr.ent.portal.families.boundary.LinkedEstablishment;
import fr.ent.portal.incident.boundary.CurrentIncidents;
import fr.ent.portal.incident.control.IncidentBoard;
import fr.ent.portal.incident.control.IncidentNotice;
import fr.ent.portal.view.CurrentEstablishment;

/**
 * The incident notices a page shows (read from the cached board: no query per request): on /login the region-wide
 * ones and a count of establishments with a local notice, on /home those of the chosen establishment, on /status
 * all current ones.
 */
@Named
@RequestScoped
public class IncidentBanner {

    @Inject
    CurrentIncidents incidents;

    @Inject
    CurrentEstablishment establishment;

    @Inject
    ZoneId zone;

    private IncidentBoard board;
    private Instant now;

    private IncidentBoard board() {
        if (board == null) {
            board = incidents.board();
            now = incidents.now();
        }
        return board;
    }

    /** /login: notices for every establishment (nobody's establishment is known there). */
    public List<IncidentNotice> getLogin() {
        return board().regionWideAt(now);
    }

    /** /login: how many establishments have a notice of their own ("see /status"). */
    public int getLocalCount() {
        return board().establishmentsAffectedAt(now);
    }

    /** /home: the region-wide notices and those of the chosen establishment. */
    public List<IncidentNotice> getHome() {
        LinkedEstablishment chosen = establishment.getCurrent();
        return board().concerningAt(chosen == null ? null : chosen.getId(), now);
    }

    /** /status: every current notice. */
    public List<IncidentNotice> getAll() {
        return board().currentAt(now);
    }

    /** An instant in the schools' time zone and the page's language (medium date, short time). */
    public String format(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Faces.getLocale()).withZone(zone).format(instant);
    }
}
