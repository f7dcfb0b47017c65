package fr.ent.portal.establishment.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Establishment names by id for the public /status page, kept in memory like the incident notices
 * ({@code ent.incidents.cache-seconds}, at least a minute): the public page never queries per request.
 */
@ApplicationScoped
public class EstablishmentNames {

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private volatile Map<Long, String> names;
    private volatile Instant readAt = Instant.MIN;

    /** The names of these establishments, sorted, comma-separated (unknown ids are left out). */
    public String namesOf(Collection<Long> ids) {
        Map<Long, String> all = names();
        return ids.stream().map(all::get).filter(Objects::nonNull).sorted().collect(Collectors.joining(", "));
    }

    private Map<Long, String> names() {
        Instant now = clock.instant();
        Duration ttl = Duration.ofSeconds(Math.max(60, settings.getInt(Setting.INCIDENTS_CACHE_SECONDS)));
        Map<Long, String> current = names;
        if (current == null || now.isAfter(readAt.plus(ttl))) {
            // a read outside any transaction: the entities come detached, only their names are kept
            current = em.createNamedQuery(Establishment.ALL, Establishment.class).getResultList().stream()
                    .collect(Collectors.toUnmodifiableMap(Establishment::id, e -> e.name() + " (" + e.city() + ")"));
            names = current;
            readAt = now;
        }
        return current;
    }
}
