package fr.ent.portal.admission;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a client that is not a browser, refused a sign-in, should stay away (issue 21, the retry storm). Whatever
 * their number, the refused clients should come back at about {@code target} requests a second in all. By Little's
 * law the clients waiting to retry are their rate times their interval, so once a second the interval is scaled by
 * the refusal rate just seen over the target: the more refused clients, the longer the {@code Retry-After} (between
 * {@value #MIN_SECONDS} and {@value #MAX_SECONDS} s, drawn in ±50% so that retries spread out). A client that ignores
 * {@code Retry-After} is not slowed by this (holding its answer without a thread needs every filter of /login to be
 * asynchronous, which OmniFaces' FacesViews filter is not).
 * <p>
 * No server here: the clock is passed in; {@code RetryPacerTest}.
 */
final class RetryPacer {

    static final double MIN_SECONDS = 5;
    static final double MAX_SECONDS = 120;
    private static final long SECOND = 1_000_000_000L;

    private final double target;
    private long windowStart;
    private boolean started;
    private int inWindow;
    private double interval = MIN_SECONDS;

    RetryPacer(double target) {
        if (target <= 0) {
            throw new IllegalArgumentException("target rate " + target);
        }
        this.target = target;
    }

    /** One refusal at {@code nanos} ({@link System#nanoTime()}): the {@code Retry-After} to send, in seconds. */
    synchronized int refused(long nanos) {
        if (!started) {
            started = true;
            windowStart = nanos;
        }
        long elapsed = nanos - windowStart;
        if (elapsed >= SECOND) {
            double rate = inWindow * (double) SECOND / elapsed;
            interval = Math.max(MIN_SECONDS, Math.min(MAX_SECONDS, interval * rate / target));
            windowStart = nanos;
            inWindow = 0;
        }
        inWindow++;
        return (int) Math.max(1, Math.round(interval * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    /** The mean Retry-After now, in seconds. */
    synchronized double interval() {
        return interval;
    }
}
