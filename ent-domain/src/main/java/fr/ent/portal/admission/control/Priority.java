package fr.ent.portal.admission.control;

/** Who goes first in the hash queue: lower ordinal first, then first come, first served. */
public enum Priority {
    /** Came back from the waiting room with an admitted ticket: its place was kept. */
    ADMITTED,
    /** A profile of a configured priority window, during the window (pupils at 8 o'clock…). */
    WINDOW,
    /** Everyone else. */
    NORMAL
}
