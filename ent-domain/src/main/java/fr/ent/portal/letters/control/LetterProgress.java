package fr.ent.portal.letters.control;

/** Told after each account of a class print, so that a page can show a progress bar. */
@FunctionalInterface
public interface LetterProgress {

    LetterProgress NONE = (done, total) -> { };

    void update(int done, int total);
}
