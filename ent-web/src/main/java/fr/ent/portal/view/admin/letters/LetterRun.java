package fr.ent.portal.view.admin.letters;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

import fr.ent.portal.letters.control.LetterProgress;

/** The progress of a class print running in the background, read by the page's progress bar. */
public final class LetterRun implements LetterProgress, Serializable {

    private static final long serialVersionUID = 1L;

    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger(-1);

    @Override
    public void update(int done, int total) {
        this.total.set(total);
        this.done.set(done);
    }

    /** 0 to 99 while running (100 is for the page once the result is there). */
    public int percent() {
        int all = total.get();
        if (all <= 0) {
            return 0;
        }
        return Math.min(99, done.get() * 100 / all);
    }
}
