package fr.ent.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * The hash-only ceiling: Argon2id with the portal's parameters (m=19456 KiB, t=2, p=1) through the same library
 * (argon2-jvm, native libargon2), hashes per second with 1 and with 2 threads, after a warm-up. (The portal's own
 * {@code PasswordHashing} adds a gate and NFC normalization around the same call: see ent-domain's HashBenchmark.)
 */
final class HashCeiling {

    static final int MEMORY_KIB = 19456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;

    private HashCeiling() {
    }

    record Result(double oneThread, double twoThreads, double msPerHash) {
    }

    static Result measure(int seconds) throws InterruptedException {
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        Runnable hash = () -> argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, "Benchmark-Mot2Passe".toCharArray());
        throughput(hash, 2, Math.max(2, seconds / 3));
        double one = throughput(hash, 1, seconds);
        double two = throughput(hash, 2, seconds);
        return new Result(one, two, 1000.0 / one);
    }

    /** A PHC string of the password with the given parameters (one per database: the verify cost is the same). */
    static String phc(String password, int memoryKib, int iterations, int parallelism) {
        return Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id).hash(iterations, memoryKib, parallelism,
                password.toCharArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static double throughput(Runnable call, int threads, int seconds) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                    calls.incrementAndGet();
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            t.join();
        }
        return calls.get() / ((System.nanoTime() - start) / 1e9);
    }
}
