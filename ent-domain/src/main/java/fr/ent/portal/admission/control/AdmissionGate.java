package fr.ent.portal.admission.control;


import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The gate in front of the password hash: at most {@code slots} hashes at once, and a bounded queue in front of them,
 * served by {@link Priority} then first come, first served.
 * <p>
 * The queue holds what the slots can serve within the maximum wait (Little's law: L = λ·W with λ = slots / hash
 * time): {@link #queueLimit()}{@code = ceil(slots × maxWait / mean hash time)}, the mean hash time being measured
 * (exponentially weighted) on the hashes that pass. A request arriving at a full queue is refused at once; a queued
 * one whose wait runs out is refused then: both as {@link AdmissionRefused}, never reaching the hash. Requests with
 * {@link Priority#ADMITTED} (their place was kept in the waiting room) are never refused for a full queue.
 * <p>
 * Holding slots ({@link #hold}) and a fixed queue limit are for the tests' dev controls only.
 */
public final class AdmissionGate {

    /** Before any hash was measured. */
    static final Duration INITIAL_HASH_TIME = Duration.ofMillis(50);
    /** Weight of the newest measure in the mean hash time. */
    static final double SMOOTHING = 0.1;
    /** Upper bound of the computed queue limit (memory of waiting threads). */
    static final int MAX_QUEUE = 10_000;

    /** Told about each wait and each hash (metrics). */
    public interface Listener {
        void waited(Duration wait, Priority priority);

        void hashed(Duration hashTime);

        void refused(AdmissionRefused.Reason reason);
    }

    private static final Listener SILENT = new Listener() {
        @Override
        public void waited(Duration wait, Priority priority) {
        }

        @Override
        public void hashed(Duration hashTime) {
        }

        @Override
        public void refused(AdmissionRefused.Reason reason) {
        }
    };

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Waiter> queue = new PriorityQueue<>();
    private final LongSupplier nanoTime;
    private volatile Listener listener = SILENT;
    private int slots;
    private int held;
    private int running;
    private long arrivals;
    private Duration maxWait;
    private Integer fixedQueueLimit;
    private double meanHashNanos = INITIAL_HASH_TIME.toNanos();

    public AdmissionGate(int slots, Duration maxWait) {
        this(slots, maxWait, System::nanoTime);
    }

    AdmissionGate(int slots, Duration maxWait, LongSupplier nanoTime) {
        if (slots < 1 || maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("Admission needs at least one slot and a maximum wait ≥ 0");
        }
        this.slots = slots;
        this.maxWait = maxWait;
        this.nanoTime = nanoTime;
    }

    /** The queue size by Little's law: what {@code slots} serve in {@code maxWait} at {@code hashTime} a hash. */
    public static int littlesLaw(int slots, Duration hashTime, Duration maxWait) {
        double hash = Math.max(1, hashTime.toNanos());
        double limit = Math.ceil(slots * (maxWait.toNanos() / hash));
        return (int) Math.min(MAX_QUEUE, Math.max(0, limit));
    }

    public void listen(Listener listener) {
        this.listener = listener == null ? SILENT : listener;
    }

    /**
     * Waits for a slot (at most the maximum wait) and takes it; close the pass when the hash is done.
     *
     * @throws AdmissionRefused when the queue is full (except for {@link Priority#ADMITTED}) or the wait ran out
     */
    public Pass enter(Priority priority) {
        long start = nanoTime.getAsLong();
        Waiter waiter;
        lock.lock();
        try {
            if (queue.isEmpty() && running < freeSlotsLocked()) {
                running++;
                return pass(start, priority);
            }
            if (priority != Priority.ADMITTED && queue.size() >= queueLimitLocked()) {
                throw refused(AdmissionRefused.Reason.QUEUE_FULL);
            }
            waiter = new Waiter(priority, arrivals++, lock.newCondition());
            queue.add(waiter);
            long remaining = maxWait.toNanos();
            while (!waiter.granted && remaining > 0) {
                try {
                    remaining = waiter.turn.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (!waiter.granted) {
                queue.remove(waiter);
                throw refused(AdmissionRefused.Reason.WAIT_EXPIRED);
            }
            return pass(start, priority);
        } finally {
            lock.unlock();
        }
    }

    /** A refusal decided in front of the gate (the web edge saw {@link #room()} at 0): told to the listener only. */
    public void refusedAtTheEdge(AdmissionRefused.Reason reason) {
        listener.refused(reason);
    }

    private AdmissionRefused refused(AdmissionRefused.Reason reason) {
        listener.refused(reason);
        return new AdmissionRefused(reason);
    }

    private Pass pass(long start, Priority priority) {
        long entered = nanoTime.getAsLong();
        listener.waited(Duration.ofNanos(entered - start), priority);
        return new Pass(entered);
    }

    private void leave(long entered) {
        long took = nanoTime.getAsLong() - entered;
        lock.lock();
        try {
            running--;
            meanHashNanos = meanHashNanos + SMOOTHING * (took - meanHashNanos);
            dispatchLocked();
        } finally {
            lock.unlock();
        }
        listener.hashed(Duration.ofNanos(took));
    }

    /** Hands free slots to the first waiters. Called with the lock held. */
    private void dispatchLocked() {
        while (running < freeSlotsLocked() && !queue.isEmpty()) {
            Waiter next = queue.poll();
            next.granted = true;
            running++;
            next.turn.signal();
        }
    }

    private int freeSlotsLocked() {
        return Math.max(0, slots - held);
    }

    private int queueLimitLocked() {
        return fixedQueueLimit != null ? fixedQueueLimit
                : littlesLaw(slots, Duration.ofNanos((long) meanHashNanos), maxWait);
    }

    /** Requests waiting in the queue now. */
    public int queueLength() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Hashes running now. */
    public int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    public int slots() {
        lock.lock();
        try {
            return slots;
        } finally {
            lock.unlock();
        }
    }

    public Duration maxWait() {
        lock.lock();
        try {
            return maxWait;
        } finally {
            lock.unlock();
        }
    }

    /** How many requests the queue takes (Little's law, or the fixed limit of the dev controls). */
    public int queueLimit() {
        lock.lock();
        try {
            return queueLimitLocked();
        } finally {
            lock.unlock();
        }
    }

    /** How many more requests could start or queue now without being refused: free slots plus free queue places. */
    public int room() {
        lock.lock();
        try {
            return Math.max(0, freeSlotsLocked() - running) + Math.max(0, queueLimitLocked() - queue.size());
        } finally {
            lock.unlock();
        }
    }

    /** The measured mean hash time (exponentially weighted). */
    public Duration meanHashTime() {
        lock.lock();
        try {
            return Duration.ofNanos((long) meanHashNanos);
        } finally {
            lock.unlock();
        }
    }

    /** The time a newcomer behind {@code ahead} others should expect to wait. */
    public Duration expectedWait(long ahead) {
        lock.lock();
        try {
            return Duration.ofNanos((long) (meanHashNanos * Math.max(0, ahead) / Math.max(1, slots)));
        } finally {
            lock.unlock();
        }
    }

    /** Dev controls: other slots, maximum wait and queue limit (null = Little's law). */
    public void configure(int slots, Duration maxWait, Integer fixedQueueLimit) {
        if (slots < 1 || maxWait.isNegative() || (fixedQueueLimit != null && fixedQueueLimit < 0)) {
            throw new IllegalArgumentException("Invalid admission settings");
        }
        lock.lock();
        try {
            this.slots = slots;
            this.maxWait = maxWait;
            this.fixedQueueLimit = fixedQueueLimit;
            dispatchLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Dev controls: keeps {@code count} slots busy (nobody gets them) until {@link #release()}. */
    public void hold(int count) {
        lock.lock();
        try {
            held = Math.max(0, count);
        } finally {
            lock.unlock();
        }
    }

    /** Dev controls: gives the held slots back to the queue. */
    public void release() {
        lock.lock();
        try {
            held = 0;
            dispatchLocked();
        } finally {
            lock.unlock();
        }
    }

    /** The queue limit fixed by the dev controls, null when Little's law sizes it. */
    public Integer fixedQueueLimit() {
        lock.lock();
        try {
            return fixedQueueLimit;
        } finally {
            lock.unlock();
        }
    }

    public int held() {
        lock.lock();
        try {
            return held;
        } finally {
            lock.unlock();
        }
    }

    /** A taken slot; closing it (once) frees the slot for the next in line. */
    public final class Pass implements AutoCloseable {

        private final long entered;
        private boolean closed;

        private Pass(long entered) {
            this.entered = entered;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                leave(entered);
            }
        }
    }

    private static final class Waiter implements Comparable<Waiter> {

        final Priority priority;
        final long arrival;
        final Condition turn;
        boolean granted;

        Waiter(Priority priority, long arrival, Condition turn) {
            this.priority = priority;
            this.arrival = arrival;
            this.turn = turn;
        }

        @Override
        public int compareTo(Waiter other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(arrival, other.arrival);
        }
    }
}
