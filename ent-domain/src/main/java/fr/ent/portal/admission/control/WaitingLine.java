package fr.ent.portal.admission.control;

import java.time.Instant;

/**
 * The waiting room's line: numbered tickets, and a counter of the numbers admitted so far (a ticket's turn has come
 * when the counter has passed its number). An admitted ticket keeps a place in the hash queue until it is claimed by
 * a sign-in, or until it lapses.
 * <p>
 * One implementation per node today ({@link LocalWaitingLine}); a cluster-wide one (Hazelcast's atomic counters and
 * a map of the kept places) can replace it without touching its callers.
 */
public interface WaitingLine {

    /** Identifies this line's life: tickets of another epoch (before a restart) are worth nothing. */
    String epoch();

    /** A new ticket number, at the back of the line. */
    long join(Instant now);

    /** The highest number issued so far (0 when none). */
    long lastIssued();

    /** Every number up to this one has been admitted (0 when none). */
    long admittedUpTo();

    /** Tickets issued but not yet admitted. */
    default long waiting() {
        return Math.max(0, lastIssued() - admittedUpTo());
    }

    /** How many people are ahead of {@code number} (0 when its turn has come). */
    default long ahead(long number) {
        return Math.max(0, number - admittedUpTo() - 1);
    }

    /**
     * Admits the next tickets in order while {@code room} (the places the hash queue can take now) exceeds the
     * places already kept for admitted tickets not yet claimed; places kept longer than the admitted validity lapse.
     *
     * @return how many tickets were admitted by this call
     */
    int advance(int room, Instant now);

    /** Uses the place kept for an admitted ticket: true once per admitted number, false afterwards or once lapsed. */
    boolean claim(long number, Instant now);

    /** Empties the line (dev controls, tests). */
    void reset();
}
