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
    void theWorkRunsOnAHashThreadAndOneThreadServesHashesInTurn() {
        try (HashThreads threads = new HashThreads()) {
            for (int i = 0; i < 20; i++) {
                String name = threads.run(() -> Thread.currentThread().getName());
                assertTrue(name.startsWith("ent-password-hash-"), name);
            }
            assertEquals(1, threads.size(), "hashes one after the other reuse one thread (and its memory)");
        }
    }

    @Test
    void whatTheWorkThrowsReachesTheCaller() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad hash");
        try (HashThreads threads = new HashThreads()) {
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
        try (HashThreads threads = new HashThreads()) {
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
