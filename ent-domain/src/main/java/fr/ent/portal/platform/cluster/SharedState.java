package fr.ent.portal.platform.cluster;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Where the state that every node must see lives: sign-in failure records and holds, per-address buckets, the waiting
 * line. With {@code ent.cluster.enabled=false} (one node) each map is this node's memory; with {@code true} each is a
 * JCache cache of Payara's data grid (Hazelcast, JNDI {@value #CACHE_MANAGER}), shared by every member, each entry
 * kept with one backup on another member so that a node's death loses nothing.
 * <p>
 * A node told to cluster while the grid is off (Payara Micro started with {@code --nocluster}) fails its deployment
 * with a message saying so, rather than quietly keeping holds that other nodes would not see.
 */
@ApplicationScoped
public class SharedState {

    static final String CACHE_MANAGER = "payara/CacheManager";
    static final String PREFIX = "ent-";

    private static final Logger LOG = Logger.getLogger(SharedState.class.getName());

    @Inject
    Settings settings;

    private CacheManager caches;

    @PostConstruct
    void connect() {
        if (!settings.getBoolean(Setting.CLUSTER_ENABLED)) {
            LOG.info("Shared sign-in state (holds, per-address limits, waiting line) in this node's memory: "
                    + Setting.CLUSTER_ENABLED.key() + "=false, one node.");
            return;
        }
        try {
            caches = (CacheManager) new InitialContext().lookup(CACHE_MANAGER);
        } catch (NamingException | ClassCastException e) {
            caches = null;
        }
        if (caches == null) {
            throw new IllegalStateException(Setting.CLUSTER_ENABLED.key() + " (" + Setting.CLUSTER_ENABLED.environmentVariable()
                    + ") is true but Payara's data grid is off (no JCache at " + CACHE_MANAGER + "): start Payara"
                    + " without --nocluster, or set it to false on a single node.");
        }
        LOG.info("Shared sign-in state (holds, per-address limits, waiting line) in Payara's data grid (JCache caches "
                + PREFIX + "*): every node of the cluster sees the same.");
    }

    /** True when the maps are the data grid's. */
    public boolean clustered() {
        return caches != null;
    }

    /**
     * A map by name: this node's memory, or the grid's cache {@code ent-<name>}.
     *
     * @param expiry how long an entry is kept after its last change in the grid (null: until removed); the local map
     *               relies on its owner's own bound instead
     */
    public <V> ConcurrentMap<String, V> map(String name, Codec<V> codec, Duration expiry) {
        if (caches == null) {
            return new ConcurrentHashMap<>();
        }
        return new JCacheMap<>(cache(PREFIX + name, expiry), codec);
    }

    private Cache<String, String> cache(String name, Duration expiry) {
        Cache<String, String> cache = caches.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                .setStatisticsEnabled(false)
                .setExpiryPolicyFactory(expiry == null ? EternalExpiryPolicy.factoryOf()
                        : ModifiedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(TimeUnit.SECONDS,
                        Math.max(1, expiry.toSeconds()))));
        try {
            return caches.createCache(name, configuration);
        } catch (CacheException createdByAnotherNode) {
            Cache<String, String> existing = caches.getCache(name, String.class, String.class);
            if (existing == null) {
                throw createdByAnotherNode;
            }
            return existing;
        }
    }
}
