package fr.ent.portal.admission.boundary;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.ent.portal.admission.control.AdmissionGate;
import fr.ent.portal.admission.control.AdmissionRefused;
import fr.ent.portal.admission.control.WaitingLine;
import fr.ent.portal.admission.control.WaitingTicket;

/**
 * The one way the web edge reaches admission control (issue 21, item 9): whether the hash queue could take one more
 * sign-in now, the waiting room's line and tickets, and the expected waits. No transaction, no database: each call is
 * a few lock-protected counters (the ticket key is derived once).
 */
@ApplicationScoped
public class SignInAdmission {

    @Inject
    Admission admission;

    /**
     * True when a sign-in without an admitted ticket would be refused at once by the gate (every slot busy and the
     * queue at its limit): the web edge answers it before any page work. Counted as a gate refusal.
     */
    public boolean refuseNow() {
        AdmissionGate gate = admission.gate();
        if (gate.room() > 0) {
            return false;
        }
        gate.refusedAtTheEdge(AdmissionRefused.Reason.QUEUE_FULL);
        return true;
    }

    /** How many more sign-ins could start or queue now. */
    public int room() {
        return admission.gate().room();
    }

    /** The time a newcomer behind {@code ahead} others should expect to wait. */
    public Duration expectedWait(long ahead) {
        return admission.gate().expectedWait(ahead);
    }

    public WaitingLine line() {
        return admission.line();
    }

    /** What a waiting ticket cookie is worth now (null or empty: absent). */
    public WaitingTicket.Read read(String cookie, Instant now) {
        return admission.tickets().read(cookie, admission.line().epoch(), now);
    }

    /** A signed ticket for the number {@code number} of the current line. */
    public String issue(long number, Instant now) {
        return admission.tickets().issue(admission.line().epoch(), number, now);
    }

    /** The ticket's turn came: its admitted form. */
    public String admit(WaitingTicket.Read ticket, Instant now) {
        return admission.tickets().admit(admission.line().epoch(), ticket.number(), ticket.issuedAt(), now);
    }

    /** Lets free places in the hash queue admit the next tickets in line; how many were admitted. */
    public int advance(Instant now) {
        return admission.line().advance(admission.gate().room(), now);
    }

    /** Whether the waiting ticket {@code number}, now at the front, may go in (the gate has room). */
    public WaitingLine.Arrival arrived(long number, Instant now) {
        return admission.line().arrived(number, admission.gate().room(), now);
    }

    /** A waiting-room visitor not seen for this long has left (at least). */
    public Duration absentAfter() {
        return admission.absentAfter();
    }
}
