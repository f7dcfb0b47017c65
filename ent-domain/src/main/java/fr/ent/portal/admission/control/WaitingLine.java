package fr.ent.portal.admission.control;

import java.time.Instant;

/**
 * The waiting room's line: numbered tickets, and a counter of the numbers admitted so far (a ticket's turn has come
 * when the counter has passed its number). An admitted ticket keeps a place in the hash queue until it is claimed by
 * a sign-in, or until it lapses.
 * <p>
 * People leave lines: a ticket whose holder has not been seen by its expected time (the waiting room reloads itself)
 * is passed over when its turn comes, and the place goes to the next one who is still there. A holder who comes back
 * late is let in if there is room, before the passed-over place is forgotten; an admitted place whose holder never
 * comes for it lapses as quickly as the holder was expected back. So abandoned tickets never block the line.
 * <p>
 * One implementation per node today ({@link LocalWaitingLine}); a cluster-wide one (Hazelcast's atomic counters and
 * maps of the expected and kept places) can replace it without touching its callers.
 */
public interface WaitingLine {

    /** What a ticket holder coming back to the waiting room after its turn came gets. */
    enum Arrival {
        /** Its place is kept: on to the sign-in form. */
        ADMITTED,
        /** Passed over while away, and no room now: keeps waiting at the front. */
        WAIT,
        /** Unknown or forgotten: a new ticket at the back of the line. */
        GONE
    }

    /** Identifies this line's life: tickets of another epoch (before a restart) are worth nothing. */
    String epoch();

    /** A new ticket number, at the back of the line, its holder expected back before {@code expectedBy}. */
    long join(Instant now, Instant expectedBy);

    /** The holder of a waiting ticket was seen and is expected back before {@code expectedBy}. */
    void present(long number, Instant expectedBy);

    /** The highest number issued so far (0 when none). */
    long lastIssued();

    /** Every number up to this one has been admitted or passed over (0 when none). */
    long admittedUpTo();

    /** Tickets issued and not yet reached by the admitted counter. */
    default long waiting() {
        return Math.max(0, lastIssued() - admittedUpTo());
    }

    /** How many people are ahead of {@code number} (0 when its turn has come). */
    default long ahead(long number) {
        return Math.max(0, number - admittedUpTo() - 1);
    }

    /**
     * Admits the next tickets in order while {@code room} (the places the hash queue can take now) exceeds the
     * places already kept for admitted tickets not yet claimed. A ticket whose holder was not seen by their expected
     * time is passed over (no place kept); the place of an admitted ticket is kept until its holder's expected time.
     *
     * @return how many tickets were admitted (places kept) by this call
     */
    int advance(int room, Instant now);

    /**
     * The holder of {@code number}, whose turn has come, is here: its kept place now lasts the admitted validity; a
     * passed-over holder gets a place if {@code room} allows.
     */
    Arrival arrived(long number, int room, Instant now);

    /** Uses the place kept for an admitted ticket: true once per admitted number, false afterwards or once lapsed. */
    boolean claim(long number, Instant now);

    /** Empties the line (dev controls, tests). */
    void reset();
}
