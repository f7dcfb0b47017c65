package fr.ent.portal.registry.control;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a preview or an import has gone, read by the page's progress bar while the work runs in the background.
 * Thread-safe: written by the worker, read by the page's polls.
 */
public final class ImportProgress {

    private final AtomicInteger done = new AtomicInteger();
    private volatile int total = 1;

    /** Starts a new phase of {@code total} steps. */
    public void start(int steps) {
        total = Math.max(1, steps);
        done.set(0);
    }

    public void advance(int steps) {
        done.addAndGet(steps);
    }

    public void finish() {
        done.set(total);
    }

    /** 0 to 100. */
    public int percent() {
        return (int) Math.min(100, done.get() * 100L / total);
    }
}
