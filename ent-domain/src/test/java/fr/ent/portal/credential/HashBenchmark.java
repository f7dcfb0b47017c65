package fr.ent.portal.credential;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import fr.ent.portal.credential.control.PasswordHashing;

/**
 * Password hashing throughput on this machine (not a test): Argon2id m=19 MiB, t=2, p=1 with argon2-jvm (native
 * libargon2, through {@link PasswordHashing}) and, for comparison, password4j (pure Java).
 * For each: a warm-up, then ms per hash on 1 thread and hashes per second on 1 and 2 threads, ~10 s each
 * ({@code -Dbench.seconds=N} to change). Run:
 * <pre>mvn -q -pl ent-domain test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=fr.ent.portal.credential.HashBenchmark</pre>
 */
public final class HashBenchmark {

    private static final int MEMORY_KIB = 19456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;

    private HashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmUp = Duration.ofSeconds(Math.max(2, measure.toSeconds() / 3));
        System.out.printf("JDK %s, %d processors, Argon2id m=%d KiB t=%d p=%d, %d s a measure%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), MEMORY_KIB, ITERATIONS, PARALLELISM,
                measure.toSeconds());

        PasswordHashing argon2jvm = new PasswordHashing(MEMORY_KIB, ITERATIONS, PARALLELISM, 2);
        Argon2Function password4j = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, 32, Argon2.ID,
                Argon2Function.ARGON2_VERSION_13);

        List<String> rows = new ArrayList<>();
        rows.add(row("argon2-jvm 2.12 (libargon2, via PasswordHashing)",
                () -> argon2jvm.hash("Benchmark-Mot2Passe".toCharArray()), warmUp, measure));
        rows.add(row("password4j 1.8.2 (pure Java)",
                () -> Password.hash("Benchmark-Mot2Passe").addRandomSalt(16).with(password4j).getResult(), warmUp, measure));

        String stored = argon2jvm.hash("Benchmark-Mot2Passe".toCharArray());
        double verify = msPerCall(() -> argon2jvm.verify(stored, "Benchmark-Mot2Passe".toCharArray()), warmUp);
        double dummy = msPerCall(() -> argon2jvm.verifyDummy("Benchmark-Mot2Passe".toCharArray()), warmUp);

        System.out.println();
        System.out.println("| library | ms per hash (1 thread) | CPU ms per hash (1 thread) | hashes/s, 1 thread | hashes/s, 2 threads | load average after |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("%nargon2-jvm verify of a known account: %.1f ms; verifyDummy for an unknown one: %.1f ms%n",
                verify, dummy);
    }

    private static String row(String name, Runnable hash, Duration warmUp, Duration measure) throws InterruptedException {
        System.out.println("measuring " + name + ", load average " + loadAverage());
        throughput(hash, 2, warmUp);
        Result one = throughput(hash, 1, measure);
        Result two = throughput(hash, 2, measure);
        return String.format("| %s | %.1f | %.1f | %.1f | %.1f | %s |", name, one.msPerCall(), one.cpuMsPerCall(),
                one.perSecond(), two.perSecond(), loadAverage());
    }

    private static double msPerCall(Runnable call, Duration duration) throws InterruptedException {
        return throughput(call, 1, duration).msPerCall();
    }

    /** Calls, elapsed time and CPU time of the calling threads. */
    private record Result(long calls, long elapsedNanos, long cpuNanos) {
        double perSecond() {
            return calls / (elapsedNanos / 1e9);
        }

        double msPerCall() {
            return elapsedNanos / 1e6 / calls;
        }

        double cpuMsPerCall() {
            return cpuNanos / 1e6 / calls;
        }
    }

    /** {@code threads} threads calling in a loop for {@code duration}. */
    private static Result throughput(Runnable call, int threads, Duration duration) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                long cpuStart = mx.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    call.run();
                    calls.incrementAndGet();
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(calls.get(), System.nanoTime() - start, cpu.get());
    }

    /** The 1-minute load average (other processes compete for the cores). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
