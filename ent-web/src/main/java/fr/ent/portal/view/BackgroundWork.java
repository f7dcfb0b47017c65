package fr.ent.portal.view;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.ent.portal.view.error.PageFailure;

/**
 * A long job started from a page (an import's preview or confirmation, a class print): started once, polled for its
 * progress, then collected once, as a result or as the {@link PageFailure} its exception means. Kept by a view-scoped
 * bean in a transient field: it lives in this node's memory only (a fail-over loses it, the page offers to start
 * again). Thread-safe: a double poll collects once.
 *
 * @param <T> the job's result
 */
public final class BackgroundWork<T> {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class.getName());

    /** What a finished job left: its result, or why it failed. */
    public sealed interface Outcome<T> {
    }

    public record Done<T>(T result) implements Outcome<T> {
    }

    public record Failed<T>(PageFailure failure) implements Outcome<T> {
    }

    private final Future<? extends T> future;
    private final IntSupplier progress;
    private Outcome<T> outcome;
    private boolean collected;

    private BackgroundWork(Future<? extends T> future, IntSupplier progress) {
        this.future = future;
        this.progress = progress;
    }

    /** @param progress 0 to 100 while the job runs, as the job reports it */
    public static <T> BackgroundWork<T> of(Future<? extends T> future, IntSupplier progress) {
        return new BackgroundWork<>(future, progress);
    }

    public boolean isDone() {
        return future.isDone();
    }

    /** 100 once the job is over (done or failed), its own report until then. */
    public int percent() {
        return future.isDone() ? 100 : Math.max(0, Math.min(100, progress.getAsInt()));
    }

    /** The outcome the first time it is asked once the job is over; null before, and after (collected once). */
    public synchronized Outcome<T> collect() {
        if (collected || !future.isDone()) {
            return null;
        }
        collected = true;
        return outcome();
    }

    /** Waits for the job and returns its outcome (the same on every call). */
    public synchronized Outcome<T> outcome() {
        if (outcome == null) {
            try {
                outcome = new Done<>(future.get());
            } catch (ExecutionException e) {
                PageFailure failure = PageFailure.of(e.getCause() == null ? e : e.getCause());
                if (failure instanceof PageFailure.Unexpected) {
                    LOG.log(Level.WARNING, "A page's background job failed", e.getCause());
                }
                outcome = new Failed<>(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new Failed<>(new PageFailure.Unexpected(e));
            }
        }
        return outcome;
    }
}
