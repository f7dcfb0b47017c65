package fr.ent.portal.admission.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;

import fr.ent.portal.platform.cluster.Codec;

/**
 * The waiting line kept in a shared map (Payara's data grid on a cluster, see
 * {@link fr.ent.portal.platform.cluster.SharedState}): a ticket issued by one node is admitted and claimed on any
 * other. The whole line is one small immutable entry ({@link State}: epoch, counters, the places kept for admitted
 * tickets, at most the hash queue's room) changed by one atomic {@code compute} per operation, so that two nodes
 * never hand out the same number or claim the same place twice. Same rules as {@link LocalWaitingLine}.
 */
public final class SharedWaitingLine implements WaitingLine {

    static final String KEY = "line";

    /**
     * The line at an instant.
     *
     * @param kept ticket number → when it was admitted, in admission order
     */
    record State(String epoch, long lastIssued, long admittedUpTo, Map<Long, Instant> kept) {

        State {
            kept = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kept));
        }

        static State fresh() {
            byte[] bytes = new byte[6];
            new SecureRandom().nextBytes(bytes);
            return new State(HexFormat.of().formatHex(bytes), 0, 0, Map.of());
        }

        /** {@code <epoch>|<last issued>|<admitted up to>|<number>:<admitted at, epoch ms>,…} */
        static final Codec<State> CODEC = new Codec<>() {
            @Override
            public String encode(State s) {
                StringBuilder text = new StringBuilder().append(s.epoch).append('|').append(s.lastIssued).append('|')
                        .append(s.admittedUpTo).append('|');
                String separator = "";
                for (Map.Entry<Long, Instant> place : s.kept.entrySet()) {
                    text.append(separator).append(place.getKey()).append(':').append(place.getValue().toEpochMilli());
                    separator = ",";
                }
                return text.toString();
            }

            @Override
            public State decode(String text) {
                String[] parts = text.split("\\|", -1);
                Map<Long, Instant> kept = new LinkedHashMap<>();
                if (!parts[3].isEmpty()) {
                    for (String place : parts[3].split(",")) {
                        int colon = place.indexOf(':');
                        kept.put(Long.parseLong(place.substring(0, colon)),
                                Instant.ofEpochMilli(Long.parseLong(place.substring(colon + 1))));
                    }
                }
                return new State(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), kept);
            }
        };
    }

    private final ConcurrentMap<String, State> store;
    private final Duration admittedValidity;

    public SharedWaitingLine(ConcurrentMap<String, State> store, Duration admittedValidity) {
        this.store = Objects.requireNonNull(store);
        this.admittedValidity = Objects.requireNonNull(admittedValidity);
    }

    /** The codec of the stored line, for the shared map. */
    public static Codec<State> codec() {
        return State.CODEC;
    }

    private State state() {
        State state = store.get(KEY);
        if (state != null) {
            return state;
        }
        State fresh = State.fresh();
        State raced = store.putIfAbsent(KEY, fresh);
        return raced == null ? fresh : raced;
    }

    @Override
    public String epoch() {
        return state().epoch();
    }

    @Override
    public long join(Instant now) {
        long[] number = new long[1];
        store.compute(KEY, (k, old) -> {
            State s = old == null ? State.fresh() : old;
            number[0] = s.lastIssued() + 1;
            return new State(s.epoch(), number[0], s.admittedUpTo(), s.kept());
        });
        return number[0];
    }

    @Override
    public long lastIssued() {
        return state().lastIssued();
    }

    @Override
    public long admittedUpTo() {
        return state().admittedUpTo();
    }

    @Override
    public int advance(int room, Instant now) {
        State current = store.get(KEY);
        if (current != null && current.admittedUpTo() >= current.lastIssued() && current.kept().isEmpty()) {
            return 0; // nobody waits and nothing to lapse: no write
        }
        int[] admitted = new int[1];
        store.compute(KEY, (k, old) -> {
            State s = old == null ? State.fresh() : old;
            Map<Long, Instant> kept = lapsed(s.kept(), now);
            long upTo = s.admittedUpTo();
            int count = 0;
            while (upTo < s.lastIssued() && kept.size() < room) {
                upTo++;
                kept.put(upTo, now);
                count++;
            }
            admitted[0] = count;
            return new State(s.epoch(), s.lastIssued(), upTo, kept);
        });
        return admitted[0];
    }

    @Override
    public boolean claim(long number, Instant now) {
        boolean[] claimed = new boolean[1];
        store.compute(KEY, (k, old) -> {
            State s = old == null ? State.fresh() : old;
            Map<Long, Instant> kept = lapsed(s.kept(), now);
            claimed[0] = kept.remove(number) != null;
            return new State(s.epoch(), s.lastIssued(), s.admittedUpTo(), kept);
        });
        return claimed[0];
    }

    private Map<Long, Instant> lapsed(Map<Long, Instant> kept, Instant now) {
        Map<Long, Instant> left = new LinkedHashMap<>();
        kept.forEach((number, admittedAt) -> {
            if (now.isBefore(admittedAt.plus(admittedValidity))) {
                left.put(number, admittedAt);
            }
        });
        return left;
    }

    @Override
    public void reset() {
        store.put(KEY, State.fresh());
    }
}
