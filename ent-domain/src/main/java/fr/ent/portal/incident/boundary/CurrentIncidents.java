package fr.ent.portal.incident.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import fr.ent.portal.incident.control.IncidentBoard;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The notices not yet ended, kept in memory for {@code ent.incidents.cache-seconds} so that /login, /home and
 * /status do not query the database on every hit (the 8 a.m. surge). One request refreshes an expired copy while the
 * others keep reading the previous one; whether a notice is current is decided at each read, so it starts and ends
 * on time. A change on this node drops the copy when its transaction commits; other nodes see it within the TTL.
 * If the database cannot be read, the last copy stays (a banner never breaks the sign-in page).
 */
@ApplicationScoped
public class CurrentIncidents {

    private static final Logger LOG = Logger.getLogger(CurrentIncidents.class.getName());

    @EJB
    Incidents incidents;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private Duration ttl;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    private record Snapshot(IncidentBoard board, Instant readAt) {
    }

    @PostConstruct
    void configure() {
        ttl = Duration.ofSeconds(Math.max(0, settings.getInt(Setting.INCIDENTS_CACHE_SECONDS)));
    }

    /** The notices not ended when last read (at most the TTL ago). */
    public IncidentBoard board() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.readAt().plus(ttl))) {
            return current.board();
        }
        if (current != null && !refreshing.compareAndSet(false, true)) {
            return current.board(); // someone else is refreshing: the previous copy meanwhile
        }
        try {
            long seen = generation.get();
            IncidentBoard board = incidents.board();
            if (generation.get() == seen) { // no change committed while reading
                snapshot = new Snapshot(board, now);
            }
            return board;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Incident notices could not be read; showing the last ones known", e);
            return current == null ? IncidentBoard.EMPTY : current.board();
        } finally {
            if (current != null) {
                refreshing.set(false);
            }
        }
    }

    /** The current instant of the portal's clock (pages compare notices with it). */
    public Instant now() {
        return clock.instant();
    }

    /** Drops the copy once a change commits. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncidentsChanged change) {
        generation.incrementAndGet();
        snapshot = null;
    }
}
