package fr.ent.portal.incident.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notices not yet ended at the time they were read (current and upcoming), and what each page shows of them at
 * a given instant: whether a notice is current is decided at each read, so a notice starts and ends on time
 * whatever the cache's age. Most severe first, then the most recent.
 */
public record IncidentBoard(List<IncidentNotice> notices) {

    private static final Comparator<IncidentNotice> ORDER = Comparator
            .comparing((IncidentNotice n) -> n.severity().rank()).reversed()
            .thenComparing(IncidentNotice::from, Comparator.reverseOrder());

    public static final IncidentBoard EMPTY = new IncidentBoard(List.of());

    public IncidentBoard {
        notices = List.copyOf(notices);
    }

    /** Every notice current at {@code at} (the public /status page). */
    public List<IncidentNotice> currentAt(Instant at) {
        return notices.stream().filter(n -> n.isCurrentAt(at)).sorted(ORDER).toList();
    }

    /** The current notices for every establishment (the /login banner, where nobody's establishment is known). */
    public List<IncidentNotice> regionWideAt(Instant at) {
        return notices.stream().filter(n -> n.isCurrentAt(at) && n.allEstablishments()).sorted(ORDER).toList();
    }

    /** The current notices concerning an establishment, region-wide ones included (the /home banner). */
    public List<IncidentNotice> concerningAt(Long establishmentId, Instant at) {
        return notices.stream()
                .filter(n -> n.isCurrentAt(at) && (n.allEstablishments() || establishmentId != null
                        && n.concerns(establishmentId)))
                .sorted(ORDER).toList();
    }

    /** How many establishments a current, not region-wide notice concerns (the short line of /login). */
    public int establishmentsAffectedAt(Instant at) {
        Set<Long> affected = new HashSet<>();
        notices.stream().filter(n -> n.isCurrentAt(at) && !n.allEstablishments())
                .forEach(n -> affected.addAll(n.establishmentIds()));
        return affected.size();
    }
}
