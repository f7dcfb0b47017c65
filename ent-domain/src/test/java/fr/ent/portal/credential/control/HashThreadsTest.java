package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class HashThreadsTest {

    @Test
    void theWorkRunsOnAHashThreadAndTheThreadsAreAsManyAsTheSlots() {
        java.util.concurrent.atomic.AtomicInteger slots = new java.util.concurrent.atomic.AtomicInteger(2);
        try (HashThreads threads = new HashThreads(slots::get)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < 20; i++) {
                String name = threads.run(() -> Thread.currentThread().getName());
                assertTrue(name.startsWith("ent-password-hash-"), name);
                names.add(name);
            }
            assertEquals(2, names.size(), "20 hashes one after the other on the 2 threads (and their memory): " + names);
            assertEquals(2, threads.size());
            slots.set(3); // the dev controls changed the gate
            for (int i = 0; i < 20; i++) {
                names.add(threads.run(() -> Thread.currentThread().getName()));
            }
            assertEquals(3, names.size(), names.toString());
        }
    }

    @Test
    void whatTheWorkThrowsReachesTheCaller() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad hash");
        try (HashThreads threads = new HashThreads(() -> 2)) {
            assertSame(thrown, assertThrows(IllegalArgumentException.class, () -> threads.run(() -> {
                throw thrown;
            })));
        }
    }

    @Test
    void anInterruptedCallerStillWaitsForItsHashThenKeepsItsInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        try (HashThreads threads = new HashThreads(() -> 2)) {
            Thread caller = new Thread(() -> {
                result.set(threads.run(() -> {
                    started.countDown();
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return "hash";
                }));
                interruptKept.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            started.await();
            caller.interrupt();
            Thread.sleep(50);
            assertTrue(caller.isAlive(), "the slot is held until the hash ends");
            finish.countDown();
            caller.join(5000);
            assertEquals("hash", result.get());
            assertEquals(Boolean.TRUE, interruptKept.get());
        }
    }
}
