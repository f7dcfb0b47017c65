package fr.ent.portal.signin.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket per client address, against one machine trying many identifiers.
 * <p>
 * Each address may make {@code burst} sign-in attempts at once, then {@code perMinute} a minute. Addresses inside the
 * allowlist (school networks, where hundreds of pupils share one public address) are never limited. IPv6 addresses
 * are counted per /64 (one subscriber's allocation), IPv4-mapped IPv6 addresses as their IPv4 address.
 * <p>
 * Thread-safe (one atomic {@code compute} per attempt) and bounded: beyond {@code maxAddresses} buckets, the fullest
 * go first (a full bucket is the same as no bucket; a drained one is an address to keep an eye on), the least recently
 * used first among equals.
 */
public final class IpRateLimiter {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    /** The state of one address: tokens left at {@code updated}. */
    public record Bucket(double tokens, Instant updated) implements Serializable {

        /** As text for the cluster-wide store: {@code <tokens>|<updated>} (the double's exact bits, so that
         * compare-and-set sees the same text). */
        public static final fr.ent.portal.platform.cluster.Codec<Bucket> CODEC = new fr.ent.portal.platform.cluster.Codec<>() {
            @Override
            public String encode(Bucket b) {
                return Long.toHexString(Double.doubleToLongBits(b.tokens)) + "|" + b.updated;
            }

            @Override
            public Bucket decode(String text) {
                int bar = text.indexOf('|');
                return new Bucket(Double.longBitsToDouble(Long.parseUnsignedLong(text.substring(0, bar), 16)),
                        Instant.parse(text.substring(bar + 1)));
            }
        };
    }

    private final ConcurrentMap<String, Bucket> store;
    private final int burst;
    private final int perMinute;
    private final List<Cidr> allowlist;
    private final int maxAddresses;
    private final ReentrantLock eviction = new ReentrantLock();

    /** In memory. */
    public IpRateLimiter(int burst, int perMinute, List<Cidr> allowlist, int maxAddresses) {
        this(new ConcurrentHashMap<>(), burst, perMinute, allowlist, maxAddresses);
    }

    public IpRateLimiter(ConcurrentMap<String, Bucket> store, int burst, int perMinute, List<Cidr> allowlist,
            int maxAddresses) {
        if (burst < 1 || perMinute < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("Invalid address rate limit: burst " + burst + ", per minute " + perMinute
                    + ", max addresses " + maxAddresses);
        }
        this.store = Objects.requireNonNull(store);
        this.burst = burst;
        this.perMinute = perMinute;
        this.allowlist = List.copyOf(allowlist);
        this.maxAddresses = maxAddresses;
    }

    /** Takes one token for {@code address}; false when its bucket is empty (the attempt must be refused). */
    public boolean tryAcquire(String address, Instant now) {
        Objects.requireNonNull(now);
        if (Cidr.anyContains(allowlist, address)) {
            return true;
        }
        boolean[] granted = new boolean[1];
        store.compute(Cidr.Addresses.rateKey(address), (key, old) -> {
            double tokens = old == null ? burst : refilled(old, now);
            granted[0] = tokens >= 1;
            // a clock that goes back (another node's) must not move the bucket back and refill it later
            Instant updated = old == null || now.isAfter(old.updated()) ? now : old.updated();
            return new Bucket(granted[0] ? tokens - 1 : tokens, updated);
        });
        evictIfFull(now);
        return granted[0];
    }

    /** Addresses currently tracked (for metrics). */
    public int trackedAddresses() {
        return store.size();
    }

    private double refilled(Bucket bucket, Instant now) {
        Duration elapsed = Duration.between(bucket.updated(), now);
        if (elapsed.isNegative() || elapsed.isZero()) {
            return bucket.tokens();
        }
        if (elapsed.toMinutes() >= burst) {
            return burst;
        }
        return Math.min(burst, bucket.tokens() + (double) elapsed.toNanos() * perMinute / NANOS_PER_MINUTE);
    }

    private void evictIfFull(Instant now) {
        if (store.size() <= maxAddresses) {
            return;
        }
        eviction.lock();
        try {
            int excess = store.size() - maxAddresses;
            if (excess <= 0) {
                return;
            }
            int toRemove = excess + maxAddresses / 100;
            List<Map.Entry<String, Bucket>> entries = new ArrayList<>(store.entrySet());
            entries.sort(Comparator
                    .comparingDouble((Map.Entry<String, Bucket> e) -> -refilled(e.getValue(), now))
                    .thenComparing(e -> e.getValue().updated()));
            for (int i = 0; i < toRemove && i < entries.size(); i++) {
                store.remove(entries.get(i).getKey(), entries.get(i).getValue());
            }
        } finally {
            eviction.unlock();
        }
    }
}
