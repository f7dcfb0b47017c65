package fr.ent.portal.platform.cluster;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;

import javax.cache.Cache;

/**
 * A {@link ConcurrentMap} over a JCache cache of strings, so that the classes written against a {@code ConcurrentMap}
 * (the sign-in throttle, the per-address buckets, the waiting line) keep the same code on one node and on a cluster.
 * <p>
 * Every update the callers make goes through {@code compute}, whose default implementation in {@link ConcurrentMap}
 * is a compare-and-set loop over {@link #putIfAbsent}, {@link #replace(Object, Object, Object)} and
 * {@link #remove(Object, Object)}: each of those is one atomic operation of the cache on the member that owns the key,
 * comparing the stored text. {@link #size()} is approximate (refreshed at most every two seconds, from Hazelcast's own
 * count when the cache is Hazelcast's {@code ICache}): the callers use it only to bound memory.
 *
 * @param <V> the value type, stored as text through a {@link Codec}
 */
public final class JCacheMap<V> extends AbstractMap<String, V> implements ConcurrentMap<String, V> {

    private static final long SIZE_REFRESH_NANOS = 2_000_000_000L;

    private final Cache<String, String> cache;
    private final Codec<V> codec;
    private final java.lang.reflect.Method gridSize;
    private final Object sizeLock = new Object();
    private volatile int size;
    private volatile long sizeRead = System.nanoTime() - 2 * SIZE_REFRESH_NANOS;

    public JCacheMap(Cache<String, String> cache, Codec<V> codec) {
        this.cache = Objects.requireNonNull(cache);
        this.codec = Objects.requireNonNull(codec);
        this.gridSize = sizeMethod(cache.getClass());
    }

    /** Hazelcast's {@code ICache.size()} (a count kept by each member), found on the cache's public interfaces. */
    private static java.lang.reflect.Method sizeMethod(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            for (Class<?> i : t.getInterfaces()) {
                try {
                    java.lang.reflect.Method m = i.getMethod("size");
                    if (m.getReturnType() == int.class) {
                        return m;
                    }
                } catch (NoSuchMethodException notThere) {
                    // another interface
                }
            }
        }
        return null;
    }

    @Override
    public V get(Object key) {
        String text = key instanceof String k ? cache.get(k) : null;
        return text == null ? null : codec.decode(text);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && cache.containsKey(k);
    }

    @Override
    public V put(String key, V value) {
        return decoded(cache.getAndPut(key, codec.encode(value)));
    }

    @Override
    public V remove(Object key) {
        return key instanceof String k ? decoded(cache.getAndRemove(k)) : null;
    }

    @Override
    public V putIfAbsent(String key, V value) {
        String text = codec.encode(value);
        while (true) {
            if (cache.putIfAbsent(key, text)) {
                return null;
            }
            String existing = cache.get(key);
            if (existing != null) {
                return codec.decode(existing);
            }
            // removed meanwhile: try again
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        if (!(key instanceof String k) || value == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        String text = codec.encode((V) value);
        return cache.remove(k, text);
    }

    @Override
    public boolean replace(String key, V oldValue, V newValue) {
        return cache.replace(key, codec.encode(oldValue), codec.encode(newValue));
    }

    @Override
    public V replace(String key, V value) {
        return decoded(cache.getAndReplace(key, codec.encode(value)));
    }

    @Override
    public void clear() {
        cache.removeAll();
    }

    @Override
    public int size() {
        long now = System.nanoTime();
        if (now - sizeRead < SIZE_REFRESH_NANOS) {
            return size;
        }
        synchronized (sizeLock) {
            if (now - sizeRead >= SIZE_REFRESH_NANOS) {
                size = count();
                sizeRead = System.nanoTime();
            }
            return size;
        }
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                Iterator<Cache.Entry<String, String>> entries = cache.iterator();
                return new Iterator<>() {
                    private String last;

                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Map.Entry<String, V> next() {
                        Cache.Entry<String, String> entry = entries.next();
                        last = entry.getKey();
                        return new SimpleImmutableEntry<>(entry.getKey(), codec.decode(entry.getValue()));
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        cache.remove(last);
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return JCacheMap.this.size();
            }
        };
    }

    private int count() {
        if (gridSize != null) {
            try {
                return (Integer) gridSize.invoke(cache);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall back on counting
            }
        }
        int count = 0;
        for (Cache.Entry<String, String> ignored : cache) {
            count++;
        }
        return count;
    }

    private V decoded(String text) {
        return text == null ? null : codec.decode(text);
    }
}
