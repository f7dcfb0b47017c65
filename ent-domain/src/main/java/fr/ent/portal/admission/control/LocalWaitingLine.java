package fr.ent.portal.admission.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The waiting line of this node, in memory (see {@link WaitingLine}). */
public final class LocalWaitingLine implements WaitingLine {

    private final Duration admittedValidity;
    private final Map<Long, Instant> kept = new LinkedHashMap<>();
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
    public synchronized long join(Instant now) {
        return ++lastIssued;
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
            admittedUpTo++;
            kept.put(admittedUpTo, now);
            admitted++;
        }
        return admitted;
    }

    @Override
    public synchronized boolean claim(long number, Instant now) {
        lapse(now);
        return kept.remove(number) != null;
    }

    private void lapse(Instant now) {
        for (Iterator<Instant> admittedAt = kept.values().iterator(); admittedAt.hasNext(); ) {
            if (!now.isBefore(admittedAt.next().plus(admittedValidity))) {
                admittedAt.remove();
            }
        }
    }

    @Override
    public synchronized void reset() {
        kept.clear();
        lastIssued = 0;
        admittedUpTo = 0;
        epoch = newEpoch();
    }
}
