package fr.ent.portal.families.control;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import fr.ent.portal.establishment.entity.ServicesChanged;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.establishment.entity.OfferedService;
import fr.ent.portal.platform.cluster.Codec;
import fr.ent.portal.platform.cluster.SharedState;

/**
 * The enabled services of each establishment, as the home page's tiles show them, kept in this node's memory: every
 * /home of an establishment's thousands of users reads the same list. Each establishment has a stamp in the shared
 * state ({@link SharedState}: the data grid when clustered, so that a region's edit on one node is seen on all); an
 * edit, once committed, gives it a new stamp, and a cached list whose stamp is no longer the current one is read
 * again. A stamp read is one map read (a grid read when clustered); the list is read from the database only after an
 * edit.
 */
@ApplicationScoped
public class ServiceTiles {

    /** One enabled service, in the establishment's order, before the children's names are added. */
    public record Service(String name, String url, boolean sso) {
    }

    private record Cached(String stamp, List<Service> services) {
    }

    private static final String NEVER_CHANGED = "0";

    private static final Codec<String> TEXT = new Codec<>() {
        @Override
        public String encode(String value) {
            return value;
        }

        @Override
        public String decode(String text) {
            return text;
        }
    };

    @Inject
    SharedState shared;

    private ConcurrentMap<String, String> stamps;
    private final ConcurrentMap<Long, Cached> cached = new ConcurrentHashMap<>();

    public ServiceTiles() {
    }

    /** Outside CDI (tests): with these shared stamps (two instances sharing them are two nodes). */
    public ServiceTiles(ConcurrentMap<String, String> stamps) {
        this.stamps = stamps;
    }

    @PostConstruct
    void connect() {
        stamps = shared.map("establishment-services", TEXT, null);
    }

    /** The establishment's services: the cached list when its stamp is current, else {@code load}'s (then cached). */
    public List<Service> of(long establishmentId, Supplier<List<Service>> load) {
        String stamp = stamps.getOrDefault(Long.toString(establishmentId), NEVER_CHANGED);
        Cached known = cached.get(establishmentId);
        if (known != null && known.stamp().equals(stamp)) {
            return known.services();
        }
        // read after the stamp: an edit committed in between gives a newer stamp, so this list is read again next time
        List<Service> fresh = List.copyOf(load.get());
        cached.put(establishmentId, new Cached(stamp, fresh));
        return fresh;
    }

    /** The enabled services of {@code establishment} (null: none), in its order. */
    public static List<Service> enabled(Establishment establishment) {
        if (establishment == null) {
            return List.of();
        }
        return establishment.services().stream()
                .filter(OfferedService::enabled)
                .sorted(Comparator.comparingInt(OfferedService::position))
                .map(s -> new Service(s.name(), s.url(), s.ssoPattern().isPresent()))
                .toList();
    }

    /** An edit of the establishment committed: every node reads its services again. */
    public void changed(long establishmentId) {
        stamps.put(Long.toString(establishmentId), UUID.randomUUID().toString());
        cached.remove(establishmentId);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServicesChanged change) {
        changed(change.establishmentId());
    }
}
