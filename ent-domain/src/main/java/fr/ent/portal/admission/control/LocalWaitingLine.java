package fr.ent.portal.admission.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The waiting line of this node, in memory (see {@link WaitingLine}). */
public final class LocalWaitingLine implements WaitingLine {

    private final Duration admittedValidity;
    /** Waiting numbers → when their holder is expected back at the latest. */
    private final Map<Long, Instant> expected = new HashMap<>();
    /** Admitted numbers → until when their place is kept. */
    private final Map<Long, Instant> kept = new LinkedHashMap<>();
    /** Numbers passed over while their holder was away → until when a late return is still let in. */
    private final Map<Long, Instant> passedOver = new LinkedHashMap<>();
    private String epoch;
    private long lastIssued;
    private long admittedUpTo;

    public LocalWaitingLine(Duration admittedValidity) {
        this.admittedValidity = admittedValidity;
        this.epoch = newEpoch();
    }

    private static String newEpoch() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public synchronized String epoch() {
        return epoch;
    }

    @Override
    public synchronized long join(Instant now, Instant expectedBy) {
        long number = ++lastIssued;
        expected.put(number, expectedBy);
        return number;
    }

    @Override
    public synchronized void present(long number, Instant expectedBy) {
        if (number > admittedUpTo && number <= lastIssued) {
            expected.merge(number, expectedBy, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @Override
    public synchronized long lastIssued() {
        return lastIssued;
    }

    @Override
    public synchronized long admittedUpTo() {
        return admittedUpTo;
    }

    @Override
    public synchronized int advance(int room, Instant now) {
        lapse(now);
        int admitted = 0;
        while (admittedUpTo < lastIssued && kept.size() < room) {
            long number = ++admittedUpTo;
            Instant expectedBy = expected.remove(number);
            if (expectedBy == null || !now.isBefore(expectedBy)) {
                passedOver.put(number, now.plus(admittedValidity));
            } else {
                kept.put(number, expectedBy);
                admitted++;
            }
        }
        return admitted;
    }

    @Override
    public synchronized Arrival arrived(long number, int room, Instant now) {
        lapse(now);
        if (kept.containsKey(number)) {
            kept.put(number, now.plus(admittedValidity));
            return Arrival.ADMITTED;
        }
        if (passedOver.containsKey(number)) {
            if (kept.size() < room) {
                passedOver.remove(number);
                kept.put(number, now.plus(admittedValidity));
                return Arrival.ADMITTED;
            }
            return Arrival.WAIT;
        }
        return Arrival.GONE;
    }

    @Override
    public synchronized boolean claim(long number, Instant now) {
        lapse(now);
        return kept.remove(number) != null;
    }

    private void lapse(Instant now) {
        kept.values().removeIf(until -> !now.isBefore(until));
        passedOver.values().removeIf(until -> !now.isBefore(until));
    }

    @Override
    public synchronized void reset() {
        expected.clear();
        kept.clear();
        passedOver.clear();
        lastIssued = 0;
        admittedUpTo = 0;
        epoch = newEpoch();
    }
}
