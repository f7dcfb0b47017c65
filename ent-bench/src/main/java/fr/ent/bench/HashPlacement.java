package fr.ent.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Where the hash runs (docs/PERFORMANCE.md, "Where the hash runs"): {@code callers} threads take turns through 2 slots,
 * as request threads do through the portal's admission gate, and each turn computes one Argon2id hash with the
 * portal's parameters either on the caller's own thread ({@code caller}) or on one of two hash threads
 * ({@code hash-threads}, what {@code PasswordHashing} does). Prints hashes per second and the process's resident
 * memory. glibc's allocator settings come from the environment, so run it once per setting:
 * <pre>
 * cd ent-bench &amp;&amp; mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt &amp;&amp; mvn -q -o compile
 * MALLOC_ARENA_MAX=2 java -cp target/classes:$(cat /tmp/cp.txt) fr.ent.bench.HashPlacement caller 300 10
 * </pre>
 */
public final class HashPlacement {

    private HashPlacement() {
    }

    public static void main(String[] args) throws Exception {
        boolean onHashThreads = "hash-threads".equals(args[0]);
        int callers = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
        Runnable hash = () -> argon2.hash(HashCeiling.ITERATIONS, HashCeiling.MEMORY_KIB, HashCeiling.PARALLELISM,
                "Benchmark-Mot2Passe".toCharArray());
        ExecutorService hashThreads = Executors.newFixedThreadPool(2);
        Semaphore slots = new Semaphore(2, true);
        AtomicLong hashes = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread caller = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        slots.acquire();
                        try {
                            if (onHashThreads) {
                                hashThreads.submit(hash).get();
                            } else {
                                hash.run();
                            }
                            hashes.incrementAndGet();
                        } finally {
                            slots.release();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            threads.add(caller);
            caller.start();
        }
        for (Thread caller : threads) {
            caller.join();
        }
        hashThreads.shutdown();
        String memory = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM")).map(l -> l.replaceAll("\\s+", " "))
                .reduce("", (a, b) -> a + " " + b);
        System.out.printf(Locale.ROOT, "%s, %d callers, MALLOC_ARENA_MAX=%s: %.1f hashes/s;%s%n", args[0], callers,
                System.getenv().getOrDefault("MALLOC_ARENA_MAX", "(default)"), hashes.get() / (double) seconds, memory);
    }
}
