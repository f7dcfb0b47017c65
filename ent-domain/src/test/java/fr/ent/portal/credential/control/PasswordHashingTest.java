package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import org.junit.jupiter.api.Test;

import fr.ent.portal.admission.control.Priority;

class PasswordHashingTest {

    private static final PasswordHashing HASHING = new PasswordHashing(19456, 2, 1, 2);

    @Test
    void hashIsAnArgon2idPhcStringWithTheConfiguredParameters() {
        String phc = HASHING.hash("Motdepasse-Solide1".toCharArray());
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
        assertEquals(6, phc.split("\\$", -1).length);
    }

    @Test
    void verifyRoundTripsAndRejectsAWrongPassword() {
        String phc = HASHING.hash("Zoé€µ <'\">1".toCharArray());
        assertTrue(HASHING.verify(phc, "Zoé€µ <'\">1".toCharArray()));
        assertFalse(HASHING.verify(phc, "Zoe€µ <'\">1".toCharArray()));
        assertFalse(HASHING.verify(null, "x".toCharArray()));
        assertFalse(HASHING.verify("not a hash", "x".toCharArray()));
    }

    @Test
    void precomposedAndDecomposedAccentsAreTheSamePassword() {
        String phc = HASHING.hash("Cre\u0300me-bru\u0302le\u0301e-1".toCharArray()); // decomposed
        assertTrue(HASHING.verify(phc, "Crème-brûlée-1".toCharArray()));
        assertFalse(HASHING.verify(phc, "Creme-brulee-1".toCharArray()));
        String phc2 = HASHING.hash("Crème-brûlée-1".toCharArray());
        assertTrue(HASHING.verify(phc2, "Cre\u0300me-bru\u0302le\u0301e-1".toCharArray()));
    }

    @Test
    void malformedArgon2HashesDoNotVerify() {
        assertFalse(HASHING.verify("$argon2id$v=19$m=19456,t=2,p=1$garbage", "x".toCharArray()));
        assertFalse(HASHING.verify("$argon2id$", "x".toCharArray()));
    }

    @Test
    void passwordArraysAreWiped() {
        char[] password = "Secret-Password1".toCharArray();
        String phc = HASHING.hash(password);
        assertTrue(new String(password).chars().allMatch(c -> c == 0));
        char[] again = "Secret-Password1".toCharArray();
        assertTrue(HASHING.verify(phc, again));
        assertTrue(new String(again).chars().allMatch(c -> c == 0));
        char[] unknown = "Whatever-1".toCharArray();
        assertFalse(HASHING.verifyDummy(unknown));
        assertTrue(new String(unknown).chars().allMatch(c -> c == 0));
    }

    @Test
    void verifyDummyIsAlwaysFalseEvenForTheDummyPasswordItself() {
        assertFalse(HASHING.verifyDummy("dummy-0f3c9a61-argon2-ENT".toCharArray()));
    }

    @Test
    void needsRehashWhenTheStoredParametersDiffer() {
        String older = new PasswordHashing(4096, 3, 1, 1).hash("Ancien-Mdp1".toCharArray());
        assertTrue(older.contains("$m=4096,t=3,p=1$"), older);
        assertTrue(HASHING.needsRehash(older));
        assertFalse(HASHING.needsRehash(HASHING.hash("Nouveau-Mdp1".toCharArray())));
        // the older hash still verifies, so the sign-in can upgrade it
        assertTrue(HASHING.verify(older, "Ancien-Mdp1".toCharArray()));
    }

    @Test
    void needsRehashForOtherAlgorithmsVersionsAndMalformedHashes() {
        String argon2i = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2i).hash(2, 19456, 1, "x".toCharArray());
        assertTrue(HASHING.needsRehash(argon2i));
        assertTrue(HASHING.needsRehash("$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
        assertFalse(HASHING.needsRehash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
        assertTrue(HASHING.needsRehash("$argon2id$v=19$m=19456,t=2,p=2$c2FsdHNhbHQ$aGFzaGhhc2g"));
        assertTrue(HASHING.needsRehash("$argon2id$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
        assertTrue(HASHING.needsRehash("$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
        assertTrue(HASHING.needsRehash("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"));
        assertTrue(HASHING.needsRehash(""));
        assertTrue(HASHING.needsRehash(null));
    }

    @Test
    void concurrencyFromConfiguration() {
        assertEquals(Runtime.getRuntime().availableProcessors(), fr.ent.portal.admission.boundary.Admission.slots("auto"));
        assertEquals(Runtime.getRuntime().availableProcessors(), fr.ent.portal.admission.boundary.Admission.slots("0"));
        assertEquals(3, fr.ent.portal.admission.boundary.Admission.slots(" 3 "));
    }

    @Test
    void withConcurrencyOneTwoThreadsNeverHashAtTheSameTime() throws Exception {
        assertEquals(1, maxSimultaneousHashes(1, 4));
    }

    @Test
    void theGateLetsAsManyHashesRunAsItHasPermits() throws Exception {
        // shows that the measurement above can see simultaneous hashes
        assertEquals(2, maxSimultaneousHashes(2, 4));
    }

    @Test
    void aCallerWaitingLongerThanMaxWaitIsRefusedAsBusy() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        Argon2 blocking = observed(() -> {
            if (armed.get()) {
                inside.countDown();
                await(release);
            }
        }, () -> { });
        PasswordHashing hashing = new PasswordHashing(blocking, 4096, 1, 1, 1, Duration.ofMillis(100));
        armed.set(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> hashing.hash("Premier-1".toCharArray()));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            assertEquals(0, hashing.availablePermits());
            assertThrows(PasswordHashingBusyException.class, () -> hashing.hash("Second-1".toCharArray()));
            release.countDown();
            assertTrue(first.get(5, TimeUnit.SECONDS).startsWith("$argon2id$"));
            assertEquals(1, hashing.availablePermits());
            assertEquals(1, hashing.permits());
            assertEquals(0, hashing.queueLength());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Issue 20, item 6: the previous ENT's hashes are checked inside the gate, like Argon2id (not beside it). */
    @Test
    void legacyPasswordsAreCheckedInsideTheAdmissionGate() throws Exception {
        byte[] salt = java.util.HexFormat.of().parseHex("0badc0ffee15600d");
        String legacy = "sha256:0badc0ffee15600d:" + java.util.HexFormat.of().formatHex(
                LegacyPasswords.saltedSha256(salt, "Ancien-Mdp1".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        Argon2 blocking = observed(() -> {
            if (armed.get()) {
                inside.countDown();
                await(release);
            }
        }, () -> { });
        PasswordHashing hashing = new PasswordHashing(blocking, 4096, 1, 1, 1, Duration.ofMillis(100));
        armed.set(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> hashing.hash("Premier-1".toCharArray()));
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            // the only slot is taken: a legacy check waits for it like any hash, and is refused as busy
            assertThrows(PasswordHashingBusyException.class,
                    () -> hashing.verifyLegacy(legacy, "Ancien-Mdp1".toCharArray(), Priority.NORMAL));
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            armed.set(false);
            assertTrue(hashing.verifyLegacy(legacy, "Ancien-Mdp1".toCharArray(), Priority.NORMAL));
            char[] wrong = "Ancien-Mdp2".toCharArray();
            assertFalse(hashing.verifyLegacy(legacy, wrong, Priority.NORMAL));
            assertEquals(0, wrong[0], "wiped");
            assertEquals(1, hashing.availablePermits(), "the slot is given back");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code threads} threads hashing at once through a gate of {@code concurrency}; the most seen inside at once. */
    private static int maxSimultaneousHashes(int concurrency, int threads) throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        Argon2 counting = observed(() -> {
            max.accumulateAndGet(inside.incrementAndGet(), Math::max);
            sleep(60);
        }, inside::decrementAndGet);
        PasswordHashing hashing = new PasswordHashing(counting, 4096, 1, 1, concurrency, Duration.ofSeconds(30));
        max.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                char[] password = ("Mot-de-passe-" + i).toCharArray();
                results.add(pool.submit(() -> {
                    start.await();
                    return hashing.hash(password);
                }));
            }
            start.countDown();
            for (Future<String> result : results) {
                assertTrue(result.get(30, TimeUnit.SECONDS).startsWith("$argon2id$"));
            }
        } finally {
            pool.shutdownNow();
        }
        return max.get();
    }

    /** A real Argon2id whose hash calls run {@code before} and {@code after} around the real work. */
    private static Argon2 observed(Runnable before, Runnable after) {
        Argon2 real = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        return (Argon2) Proxy.newProxyInstance(Argon2.class.getClassLoader(), new Class<?>[] {Argon2.class},
                (proxy, method, args) -> {
                    boolean hashing = method.getName().equals("hash");
                    if (hashing) {
                        before.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (hashing) {
                            after.run();
                        }
                    }
                });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
