package fr.ent.portal.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import fr.ent.portal.signin.control.SignInThrottle.FailureOutcome;
import fr.ent.portal.signin.control.SignInThrottle.Verdict;

class SignInThrottleTest {

    private static final List<Duration> HOLDS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
    private static final String KEY = "l.martin1";
    private static final String DEVICE = "dev-1";

    private final SignInThrottle throttle = new SignInThrottle(5, HOLDS, 100_000);
    private Instant now = Instant.parse("2026-11-10T08:00:00Z");

    private FailureOutcome fail() {
        return throttle.recordFailure(KEY, null, now);
    }

    @Test
    void failuresOneToFourCostNothing() {
        for (int i = 1; i <= 4; i++) {
            FailureOutcome outcome = fail();
            assertEquals(new FailureOutcome(i, false, null), outcome);
            assertEquals(new Verdict(true, null), throttle.check(KEY, null, now));
        }
    }

    @Test
    void everyStepOfTheProgression() {
        for (int i = 1; i <= 4; i++) {
            fail();
        }
        // 5th: 1 minute
        FailureOutcome fifth = fail();
        assertEquals(new FailureOutcome(5, true, now.plus(Duration.ofMinutes(1))), fifth);
        assertEquals(new Verdict(false, now.plus(Duration.ofMinutes(1))), throttle.check(KEY, null, now));
        assertFalse(throttle.check(KEY, null, now.plusSeconds(59)).allowed());
        now = now.plusSeconds(60);
        assertTrue(throttle.check(KEY, null, now).allowed(), "the hold ends on time");

        // 6th: 5 minutes
        FailureOutcome sixth = fail();
        assertEquals(new FailureOutcome(6, true, now.plus(Duration.ofMinutes(5))), sixth);
        assertFalse(throttle.check(KEY, null, now.plus(Duration.ofMinutes(5)).minusSeconds(1)).allowed());
        now = now.plus(Duration.ofMinutes(5));
        assertTrue(throttle.check(KEY, null, now).allowed());

        // 7th and later: 15 minutes, never more
        for (int n = 7; n <= 12; n++) {
            FailureOutcome outcome = fail();
            assertEquals(new FailureOutcome(n, true, now.plus(Duration.ofMinutes(15))), outcome, "failure " + n);
            assertFalse(throttle.check(KEY, null, now.plus(Duration.ofMinutes(15)).minusNanos(1)).allowed());
            now = now.plus(Duration.ofMinutes(15));
            assertTrue(throttle.check(KEY, null, now).allowed(), "never permanent");
        }
    }

    @Test
    void lockStartedExactlyOncePerHoldEvenWhenFailuresRaceIntoIt() {
        for (int i = 1; i <= 4; i++) {
            fail();
        }
        assertTrue(fail().lockStarted());
        // two requests that passed the check before the hold began, failing afterwards
        FailureOutcome late = throttle.recordFailure(KEY, null, now.plusSeconds(1));
        assertFalse(late.lockStarted());
        assertEquals(6, late.consecutiveFailures());
        assertEquals(now.plusSeconds(1).plus(Duration.ofMinutes(5)), late.heldUntil(), "a failure during a hold still counts");
        assertFalse(throttle.recordFailure(KEY, null, now.plusSeconds(2)).lockStarted());
        // after the hold, the next failure begins a new hold
        now = now.plus(Duration.ofMinutes(30));
        assertTrue(fail().lockStarted());
    }

    @Test
    void countingCanBeConfigured() {
        SignInThrottle strict = new SignInThrottle(2, List.of(Duration.ofSeconds(30)), 10);
        assertFalse(strict.recordFailure(KEY, null, now).lockStarted());
        assertEquals(now.plusSeconds(30), strict.recordFailure(KEY, null, now).heldUntil());
        assertEquals(now.plusSeconds(90), strict.recordFailure(KEY, null, now.plusSeconds(60)).heldUntil());
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle(0, HOLDS, 10));
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle(5, List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle(5, List.of(Duration.ZERO), 10));
        assertThrows(IllegalArgumentException.class, () -> new SignInThrottle(5, HOLDS, 0));
    }

    @Test
    void aRecordIsForgotten24HoursAfterItsLastFailure() {
        for (int i = 1; i <= 6; i++) {
            fail();
        }
        Instant lastFailure = now;
        now = lastFailure.plus(Duration.ofHours(24)).minusSeconds(1);
        assertEquals(7, fail().consecutiveFailures(), "still remembered just before 24 h");

        now = now.plus(Duration.ofHours(24));
        FailureOutcome fresh = fail();
        assertEquals(new FailureOutcome(1, false, null), fresh, "forgotten 24 h after the last failure");
        assertTrue(throttle.check(KEY, null, now).allowed());
    }

    @Test
    void aHoldLongerThanTheForgettingDelayRunsToItsEnd() {
        SignInThrottle slow = new SignInThrottle(1, List.of(Duration.ofHours(30)), 10);
        slow.recordFailure(KEY, null, now);
        assertFalse(slow.check(KEY, null, now.plus(Duration.ofHours(25))).allowed());
        assertTrue(slow.check(KEY, null, now.plus(Duration.ofHours(30))).allowed());
    }

    @Test
    void successAndResetClearTheRecord() {
        for (int i = 1; i <= 5; i++) {
            fail();
        }
        throttle.reset(KEY);
        assertTrue(throttle.check(KEY, null, now).allowed(), "an administrator's unlock ends the hold");
        assertEquals(1, fail().consecutiveFailures());
        fail();
        throttle.recordSuccess(KEY, null);
        assertEquals(1, fail().consecutiveFailures());
        assertEquals(1, throttle.trackedKeys());
    }

    @Test
    void keysAreIndependent() {
        for (int i = 1; i <= 5; i++) {
            fail();
        }
        assertTrue(throttle.check("p.petit1", null, now).allowed());
        assertEquals(1, throttle.recordFailure("p.petit1", null, now).consecutiveFailures());
    }

    @Test
    void aTrustedDeviceIsNotHeldBackByTheKeysHold() {
        for (int i = 1; i <= 7; i++) {
            fail();
        }
        assertFalse(throttle.check(KEY, null, now).allowed());
        assertTrue(throttle.check(KEY, DEVICE, now).allowed());
        assertTrue(throttle.check(KEY, "another-device", now).allowed());
    }

    @Test
    void aTrustedDeviceCountsItsOwnFailuresWithTheSameProgression() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(new FailureOutcome(i, false, null), throttle.recordFailure(KEY, DEVICE, now));
        }
        FailureOutcome fifth = throttle.recordFailure(KEY, DEVICE, now);
        assertEquals(new FailureOutcome(5, true, now.plus(Duration.ofMinutes(1))), fifth);
        assertFalse(throttle.check(KEY, DEVICE, now).allowed());
        assertTrue(throttle.check(KEY, null, now).allowed(), "the device's failures do not hold the key");
        assertTrue(throttle.check(KEY, "dev-2", now).allowed(), "nor other devices");
        assertEquals(1, throttle.recordFailure(KEY, null, now).consecutiveFailures());

        now = now.plus(Duration.ofMinutes(1));
        assertEquals(now.plus(Duration.ofMinutes(5)), throttle.recordFailure(KEY, DEVICE, now).heldUntil());
    }

    @Test
    void aSuccessClearsOnlyTheFailuresThatApplied() {
        for (int i = 1; i <= 5; i++) {
            fail();
            throttle.recordFailure(KEY, DEVICE, now);
        }
        throttle.recordSuccess(KEY, DEVICE);
        assertTrue(throttle.check(KEY, DEVICE, now).allowed());
        assertFalse(throttle.check(KEY, null, now).allowed(), "the owner signing in from a trusted device does not end the attack's hold");
        throttle.recordSuccess(KEY, null);
        assertTrue(throttle.check(KEY, null, now).allowed());
    }

    @Test
    void resetAlsoForgetsTheDevicesOfTheKeyButNotOthers() {
        for (int i = 1; i <= 5; i++) {
            throttle.recordFailure(KEY, DEVICE, now);
            throttle.recordFailure("l.martin", "1:" + KEY, now);
            throttle.recordFailure("p.petit1", DEVICE, now);
        }
        throttle.reset(KEY);
        assertTrue(throttle.check(KEY, DEVICE, now).allowed());
        assertFalse(throttle.check("p.petit1", DEVICE, now).allowed());
        assertFalse(throttle.check("l.martin", "1:" + KEY, now).allowed());
    }

    @Test
    void manyThreadsFailingOnOneKeyEndAtTheRightCount() throws Exception {
        int threads = 16;
        int failuresEach = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger lockStarts = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < failuresEach; i++) {
                    if (throttle.recordFailure(KEY, null, now).lockStarted()) {
                        lockStarts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(threads * failuresEach + 1, fail().consecutiveFailures());
        assertEquals(1, lockStarts.get(), "one hold began, whatever the interleaving");
    }

    @Test
    void theStoreIsBoundedAndEvictsTheLeastRecentlyUpdated() {
        ConcurrentHashMap<String, FailureRecord> store = new ConcurrentHashMap<>();
        SignInThrottle bounded = new SignInThrottle(store, 5, HOLDS, 50);
        for (int i = 0; i < 200; i++) {
            bounded.recordFailure("user" + i, null, now.plusSeconds(i));
            assertTrue(bounded.trackedKeys() <= 50, "size " + bounded.trackedKeys());
        }
        assertEquals(50, bounded.trackedKeys());
        assertEquals(2, bounded.recordFailure("user199", null, now.plusSeconds(300)).consecutiveFailures(), "the newest stayed");
        assertEquals(1, bounded.recordFailure("user0", null, now.plusSeconds(301)).consecutiveFailures(), "the oldest went first");
    }

    @Test
    void evictionSparesHeldKeysBeforeOlderUnheldOnes() {
        SignInThrottle bounded = new SignInThrottle(5, HOLDS, 10);
        for (int i = 1; i <= 5; i++) {
            bounded.recordFailure("victim", null, now);
        }
        for (int i = 0; i < 30; i++) {
            bounded.recordFailure("spray" + i, null, now.plusSeconds(i));
        }
        assertFalse(bounded.check("victim", null, now.plusSeconds(30)).allowed(), "spraying identifiers does not lift a hold");
        assertTrue(bounded.trackedKeys() <= 10);
    }

    @Test
    void hugeKeysAreStoredShort() {
        String huge = "x".repeat(100_000);
        for (int i = 1; i <= 5; i++) {
            throttle.recordFailure(huge, null, now);
        }
        assertFalse(throttle.check(huge, null, now).allowed());
        assertTrue(throttle.check(huge + "y", null, now).allowed());
    }

    @Test
    void aVerdictWithoutHoldHasNoEnd() {
        assertNull(throttle.check(KEY, null, now).heldUntil());
    }

    // ---- issue 20, item 7: an attempt is counted before its hash; junk cannot evict what matters ----

    @Test
    void parallelGuessesCheckAtMostThresholdSecrets() throws Exception {
        int threads = 64;
        AtomicInteger hashes = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                // as SignIn does: count, then hash (here a 30 ms stand-in for Argon2id), then settle the wrong guess
                SignInThrottle.Attempt attempt = throttle.begin(KEY, null, now);
                if (!attempt.allowed()) {
                    refused.incrementAndGet();
                    return null;
                }
                hashes.incrementAndGet();
                Thread.sleep(30);
                throttle.wrong(KEY, null, attempt, now);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(5, hashes.get(), "at most threshold secrets checked, whatever the interleaving");
        assertEquals(threads - 5, refused.get());
        assertFalse(throttle.check(KEY, null, now).allowed(), "the key is held");
    }

    @Test
    void theAttemptReachingTheThresholdStartsTheHoldAndIsReportedOnceWrong() {
        for (int i = 1; i <= 4; i++) {
            SignInThrottle.Attempt a = throttle.begin(KEY, null, now);
            assertEquals(new SignInThrottle.Attempt(true, null, i, false), a);
        }
        SignInThrottle.Attempt fifth = throttle.begin(KEY, null, now);
        assertTrue(fifth.allowed(), "the fifth secret is still checked");
        assertTrue(fifth.lockStarted());
        assertEquals(new FailureOutcome(5, true, now.plus(Duration.ofMinutes(1))), throttle.wrong(KEY, null, fifth, now));
        SignInThrottle.Attempt sixth = throttle.begin(KEY, null, now.plusSeconds(10));
        assertEquals(new SignInThrottle.Attempt(false, now.plus(Duration.ofMinutes(1)), 5, false), sixth,
                "held: refused before any hash, and not counted");
    }

    @Test
    void aRightSecretClearsTheCountedAttemptAndARefundGivesItBack() {
        for (int i = 1; i <= 4; i++) {
            throttle.begin(KEY, null, now);
        }
        SignInThrottle.Attempt fifth = throttle.begin(KEY, null, now);
        assertFalse(throttle.check(KEY, null, now).allowed());
        throttle.refund(KEY, null, fifth, now); // the hash queue was full: nothing was checked
        assertTrue(throttle.check(KEY, null, now).allowed(), "the hold its count started is lifted");
        assertEquals(5, throttle.begin(KEY, null, now).consecutiveFailures(), "the count was given back");
        throttle.recordSuccess(KEY, null);
        assertEquals(1, throttle.begin(KEY, null, now).consecutiveFailures(), "a right secret clears the streak");
    }

    @Test
    void twoHundredThousandJunkIdentifiersDoNotFreeAHeldOrRecentlyFailedIdentifier() {
        SignInThrottle bounded = new SignInThrottle(5, HOLDS, 1_000);
        Instant later = now.plusSeconds(61);
        for (int i = 1; i <= 5; i++) {
            bounded.begin("held.victim1", null, later); // held during the whole flood
        }
        for (int i = 1; i <= 5; i++) {
            bounded.begin("streak.victim1", null, now); // held one minute, then free but still in its streak
        }
        for (int i = 1; i <= 3; i++) {
            bounded.begin("guessed.victim1", null, now); // three recent failures, below the threshold
        }
        for (int i = 0; i < 200_000; i++) {
            bounded.begin("junk" + i, null, later.plusNanos(i * 1_000L));
        }
        Instant after = later.plusSeconds(1);
        assertTrue(bounded.trackedKeys() <= 1_000 + 3, "still bounded: " + bounded.trackedKeys());
        assertFalse(bounded.check("held.victim1", null, after).allowed(), "the hold survived the flood");
        assertEquals(new SignInThrottle.Attempt(true, after.plus(Duration.ofMinutes(5)), 6, true),
                bounded.begin("streak.victim1", null, after), "the progression survived: the next hold is the second one");
        assertEquals(4, bounded.begin("guessed.victim1", null, after).consecutiveFailures(),
                "recent failures survived the flood");
    }
}
