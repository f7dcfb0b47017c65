package fr.ent.portal.credential.control;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The few threads that compute the password hashes, instead of whichever request thread got a slot of the gate.
 * <p>
 * Argon2id takes its 19 MiB from glibc's {@code malloc} on the thread that calls it. On a handful of long-lived threads
 * that memory stays in their arenas and the next hash reuses it, already mapped. Spread over hundreds of request
 * threads sharing few arenas ({@code MALLOC_ARENA_MAX=2}), it went back to the system and each hash faulted 19 MiB of
 * fresh pages in again: in isolation (300 requesting threads through 2 slots, docs/PERFORMANCE.md "Where the hash
 * runs") 66-72 hashes/s on the requesting threads against 86-102/s here, and without the arena limit 586 MiB of
 * resident memory against 140 MiB here.
 * <p>
 * The gate still decides who hashes and when: a caller holds its pass while its hash runs here and waits for it, so at
 * most as many threads are busy as the gate has slots; idle ones end after ten minutes. A caller interrupted while it
 * waits still waits for its hash (its slot is not free before), then keeps its interrupt flag.
 */
final class HashThreads implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor pool;

    HashThreads() {
        int poolNumber = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = work -> {
            Thread thread = new Thread(work, "ent-password-hash-" + poolNumber + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.MINUTES, new SynchronousQueue<>(), factory);
    }

    /** Runs the work on a hash thread and returns its result, or throws what it threw. */
    <T> T run(Supplier<T> work) {
        Future<T> result = pool.submit(work::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Threads alive now (busy or idle). */
    int size() {
        return pool.getPoolSize();
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
