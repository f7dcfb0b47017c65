package fr.ent.portal.admission.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;

import fr.ent.portal.platform.cluster.Codec;

/**
 * The waiting line kept in shared maps (Payara's data grid on a cluster, see
 * {@link fr.ent.portal.platform.cluster.SharedState}): a ticket issued by one node is admitted and claimed on any
 * other. The line itself is one small immutable entry ({@link State}: epoch, counters, the places kept for admitted
 * tickets — at most the hash queue's room — and the passed-over numbers still remembered) changed by one atomic
 * {@code compute} per operation, so that two nodes never hand out the same number or claim the same place twice; when
 * each waiting holder is expected back is a second map, one entry per waiting number, so the line entry stays small
 * however long the line. Same rules as {@link LocalWaitingLine}.
 */
public final class SharedWaitingLine implements WaitingLine {

    static final String KEY = "line";

    /**
     * The line at an instant.
     *
     * @param kept admitted ticket number → until when its place is kept, in admission order
     * @param passedOver number passed over while its holder was away → until when a late return is let in
     */
    record State(String epoch, long lastIssued, long admittedUpTo, Map<Long, Instant> kept,
            Map<Long, Instant> passedOver) {

        State {
            kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
            passedOver = Collections.unmodifiableMap(new LinkedHashMap<>(passedOver));
        }

        static State fresh() {
            byte[] bytes = new byte[6];
            new SecureRandom().nextBytes(bytes);
            return new State(HexFormat.of().formatHex(bytes), 0, 0, Map.of(), Map.of());
        }

        /** {@code <epoch>|<last issued>|<admitted up to>|<number>:<until, epoch ms>,…|<number>:<until>,…} */
        static final Codec<State> CODEC = new Codec<>() {
            @Override
            public String encode(State s) {
                return s.epoch + '|' + s.lastIssued + '|' + s.admittedUpTo + '|' + places(s.kept) + '|'
                        + places(s.passedOver);
            }

            @Override
            public State decode(String text) {
                String[] parts = text.split("\\|", -1);
                return new State(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), places(parts[3]),
                        places(parts.length > 4 ? parts[4] : ""));
            }
        };

        private static String places(Map<Long, Instant> places) {
            StringBuilder text = new StringBuilder();
            places.forEach((number, until) -> text.append(text.length() == 0 ? "" : ",").append(number).append(':')
                    .append(until.toEpochMilli()));
            return text.toString();
        }

        private static Map<Long, Instant> places(String text) {
            Map<Long, Instant> places = new LinkedHashMap<>();
            if (!text.isEmpty()) {
                for (String place : text.split(",")) {
                    int colon = place.indexOf(':');
                    places.put(Long.parseLong(place.substring(0, colon)),
                            Instant.ofEpochMilli(Long.parseLong(place.substring(colon + 1))));
                }
            }
            return places;
        }
    }

    /** The codec of the expected-back times (epoch milliseconds). */
    static final Codec<Instant> INSTANT = new Codec<>() {
        @Override
        public String encode(Instant value) {
            return Long.toString(value.toEpochMilli());
        }

        @Override
        public Instant decode(String text) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
    };

    private final ConcurrentMap<String, State> store;
    private final ConcurrentMap<String, Instant> expected;
    private final Duration admittedValidity;

    /**
     * @param store the line entry
     * @param expected waiting number (decimal) → when its holder is expected back at the latest
     */
    public SharedWaitingLine(ConcurrentMap<String, State> store, ConcurrentMap<String, Instant> expected,
            Duration admittedValidity) {
        this.store = Objects.requireNonNull(store);
        this.expected = Objects.requireNonNull(expected);
        this.admittedValidity = Objects.requireNonNull(admittedValidity);
    }

    /** The codec of the stored line, for the shared map. */
    public static Codec<State> codec() {
        return State.CODEC;
    }

    /** The codec of the expected-back times, for the shared map. */
    public static Codec<Instant> expectedCodec() {
        return INSTANT;
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
    public long join(Instant now, Instant expectedBy) {
        long[] number = new long[1];
        store.compute(KEY, (k, old) -> {
            State s = old == null ? State.fresh() : old;
            number[0] = s.lastIssued() + 1;
            return new State(s.epoch(), number[0], s.admittedUpTo(), s.kept(), s.passedOver());
        });
        expected.put(Long.toString(number[0]), expectedBy);
        return number[0];
    }

    @Override
    public void present(long number, Instant expectedBy) {
        State s = state();
        if (number > s.admittedUpTo() && number <= s.lastIssued()) {
            expected.merge(Long.toString(number), expectedBy, (a, b) -> a.isAfter(b) ? a : b);
        }
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
        if (current != null && current.admittedUpTo() >= current.lastIssued() && current.kept().isEmpty()
                && current.passedOver().isEmpty()) {
            return 0; // nobody waits and nothing to lapse: no write
        }
        int[] admitted = new int[1];
        long[] passed = new long[2];
        store.compute(KEY, (k, old) -> {
            State s = old == null ? State.fresh() : old;
            Map<Long, Instant> kept = lapsed(s.kept(), now);
            Map<Long, Instant> passedOver = lapsed(s.passedOver(), now);
            long upTo = s.admittedUpTo();
            int count = 0;
            while (upTo < s.lastIssued() && kept.size() < room) {
                upTo++;
                Instant expectedBy = expected.get(Long.toString(upTo));
                if (expectedBy == null || !now.isBefore(expectedBy)) {
                    passedOver.put(upTo, now.plus(admittedValidity));
                } else {
                    kept.put(upTo, expectedBy);
                    count++;
                }
            }
            admitted[0] = count;
            passed[0] = s.admittedUpTo();
            passed[1] = upTo;
            return new State(s.epoch(), s.lastIssued(), upTo, kept, passedOver);
        });
        for (long number = passed[0] + 1; number <= passed[1]; number++) {
            expected.remove(Long.toString(number)); // reached by the counter: no longer waiting
        }
        return admitted[0];
    }

    @Override
    public Arrival arrived(long number, int room, Instant now) {
        Arrival[] arrival = new Arrival[1];
        store.compute(KEY, (k, old) -> {
            State s = old == null ? State.fresh() : old;
            Map<Long, Instant> kept = lapsed(s.kept(), now);
            Map<Long, Instant> passedOver = lapsed(s.passedOver(), now);
            if (kept.containsKey(number)) {
                kept.put(number, now.plus(admittedValidity));
                arrival[0] = Arrival.ADMITTED;
            } else if (passedOver.containsKey(number) && kept.size() < room) {
                passedOver.remove(number);
                kept.put(number, now.plus(admittedValidity));
                arrival[0] = Arrival.ADMITTED;
            } else {
                arrival[0] = passedOver.containsKey(number) ? Arrival.WAIT : Arrival.GONE;
            }
            return new State(s.epoch(), s.lastIssued(), s.admittedUpTo(), kept, passedOver);
        });
        return arrival[0];
    }

    @Override
    public boolean claim(long number, Instant now) {
        boolean[] claimed = new boolean[1];
        store.compute(KEY, (k, old) -> {
            State s = old == null ? State.fresh() : old;
            Map<Long, Instant> kept = lapsed(s.kept(), now);
            claimed[0] = kept.remove(number) != null;
            return new State(s.epoch(), s.lastIssued(), s.admittedUpTo(), kept, lapsed(s.passedOver(), now));
        });
        return claimed[0];
    }

    private static Map<Long, Instant> lapsed(Map<Long, Instant> places, Instant now) {
        Map<Long, Instant> left = new LinkedHashMap<>();
        places.forEach((number, until) -> {
            if (now.isBefore(until)) {
                left.put(number, until);
            }
        });
        return left;
    }

    @Override
    public void reset() {
        store.put(KEY, State.fresh());
        expected.clear();
    }
}
