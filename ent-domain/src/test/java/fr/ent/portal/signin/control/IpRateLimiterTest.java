package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class IpRateLimiterTest {

    private static final String CLIENT = "203.0.113.7";
    private final IpRateLimiter limiter = new IpRateLimiter(30, 20, Cidr.parseList("172.16.0.0/12, 2001:db8:5c00::/40"), 100_000);
    private final Instant now = Instant.parse("2026-11-10T08:00:00Z");

    private int granted(String address, int attempts, Instant at) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(address, at)) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void aBurstIsAllowedThenRefused() {
        assertEquals(30, granted(CLIENT, 30, now));
        assertFalse(limiter.tryAcquire(CLIENT, now));
        assertTrue(limiter.tryAcquire("198.51.100.1", now), "other addresses have their own bucket");
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        granted(CLIENT, 30, now);
        assertFalse(limiter.tryAcquire(CLIENT, now.plusSeconds(2)), "one token takes 3 s at 20 a minute");
        assertTrue(limiter.tryAcquire(CLIENT, now.plusSeconds(3)));
        assertFalse(limiter.tryAcquire(CLIENT, now.plusSeconds(3)));
        assertEquals(20, granted(CLIENT, 100, now.plusSeconds(63)), "20 more a minute");
        assertEquals(30, granted(CLIENT, 100, now.plusSeconds(3600)), "never more than the burst");
    }

    @Test
    void timeGoingBackwardsGivesNothing() {
        granted(CLIENT, 30, now);
        assertFalse(limiter.tryAcquire(CLIENT, now.minusSeconds(3600)));
        assertFalse(limiter.tryAcquire(CLIENT, now));
    }

    @Test
    void schoolNetworksAreNeverLimitedNorTracked() {
        assertEquals(1000, granted("172.20.1.1", 1000, now));
        assertEquals(1000, granted("2001:db8:5c12::42", 1000, now));
        assertEquals(0, limiter.trackedAddresses());
    }

    @Test
    void ipv6IsCountedPerSlash64() {
        assertEquals(30, granted("2a01:e0a:1:2::1", 30, now));
        assertFalse(limiter.tryAcquire("2a01:e0a:1:2:ffff::9", now), "same /64, same bucket");
        assertTrue(limiter.tryAcquire("2a01:e0a:1:3::1", now));
        assertEquals(30, granted("::ffff:198.51.100.9", 30, now));
        assertFalse(limiter.tryAcquire("198.51.100.9", now), "IPv4-mapped is the IPv4 address");
    }

    @Test
    void junkAddressesAreCountedToo() {
        assertEquals(30, granted("unknown", 40, now));
    }

    @Test
    void theTrackedAddressesAreBounded() {
        IpRateLimiter bounded = new IpRateLimiter(5, 1, List.of(), 100);
        for (int i = 0; i < 1000; i++) {
            bounded.tryAcquire("10.0." + (i / 250) + "." + (i % 250), now.plusMillis(i));
            assertTrue(bounded.trackedAddresses() <= 100);
        }
        assertEquals(100, bounded.trackedAddresses());
    }

    @Test
    void evictionKeepsTheDrainedBucketsLongest() {
        IpRateLimiter bounded = new IpRateLimiter(5, 1, List.of(), 10);
        for (int i = 0; i < 5; i++) {
            bounded.tryAcquire("198.51.100.66", now);
        }
        for (int i = 0; i < 50; i++) {
            bounded.tryAcquire("10.0.0." + i, now.plusSeconds(1));
            // these had one token taken at once, the attacker's are all gone
        }
        assertFalse(bounded.tryAcquire("198.51.100.66", now.plusSeconds(2)), "the drained bucket survived");
    }

    @Test
    void concurrentAttemptsNeverExceedTheBurst() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger granted = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    if (limiter.tryAcquire(CLIENT, now)) {
                        granted.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(30, granted.get());
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IpRateLimiter(0, 20, List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> new IpRateLimiter(30, 0, List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> new IpRateLimiter(30, 20, List.of(), 0));
    }
}
