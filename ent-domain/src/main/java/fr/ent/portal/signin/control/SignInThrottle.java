package fr.ent.portal.signin.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Progressive holds on an identifier after repeated failed sign-ins: brute force against one account.
 * <p>
 * Failures are counted per key (the normalised identifier typed, whether or not the account exists, so that both
 * cases do the same work). Failures below the threshold cost nothing; the failure that reaches the threshold holds the
 * key for the first duration, each further one for the next (the last one repeats): never a permanent lock. A record is
 * forgotten 24 hours after its last failure (never while a hold runs), a success or an administrator's reset clears it.
 * <p>
 * A browser that already signed in to the account (a trusted device, see {@link DeviceCookie}) is not held back by
 * the key's hold, so that an attack on an identifier does not lock its owner out; its own failures are counted under
 * its own key (identifier + device), with the same progression.
 * <p>
 * An attempt is counted <b>before</b> its secret is checked ({@link #begin}): the check "not held?" and the count are
 * one atomic {@code compute}, so that under parallel guesses at most {@code threshold} secrets are checked before the
 * hold starts (counting after the hash let 11 or 12 run instead of 5). The caller then settles the attempt: a right
 * secret clears the record ({@link #recordSuccess}), a wrong one keeps the count ({@link #wrong} only reports what it
 * started), an attempt that checked nothing (the hash queue was full) gives its count back ({@link #refund}).
 * <p>
 * Thread-safe: every update is one atomic {@code compute} on the store, a {@link ConcurrentMap} given to the
 * constructor (in memory today; a cluster-wide cache can take its place). The store is bounded: beyond
 * {@code maxKeys} records, forgotten ones go first, then the records with the fewest failures, least recently updated
 * first. A record that is held, or whose streak reached a hold in the last 24 hours, is never evicted for room: a flood
 * of junk identifiers cannot wipe the progression of an identifier under attack (the store may then exceed
 * {@code maxKeys} by those records, each of which cost its maker {@code threshold} checked secrets).
 */
public final class SignInThrottle {

    /** A record is forgotten this long after its last failure. */
    public static final Duration FORGET_AFTER = Duration.ofHours(24);
    /** Keys longer than this are stored as their SHA-256, so that typed junk cannot fill the memory. */
    static final int MAX_KEY_LENGTH = 128;

    /**
     * The answer before checking a secret.
     *
     * @param allowed   false while the key (or the trusted device's own key) is held
     * @param heldUntil end of the running hold when not allowed, else null
     */
    public record Verdict(boolean allowed, Instant heldUntil) {
    }

    /**
     * What a failure did.
     *
     * @param consecutiveFailures failures of this key in the current streak, this one included
     * @param lockStarted         true when this failure started a hold (once per hold: not for a failure that
     *                            arrives while a hold already runs); the caller warns the owner and audits it
     * @param heldUntil           end of the running hold, null when the key is not held
     */
    public record FailureOutcome(int consecutiveFailures, boolean lockStarted, Instant heldUntil) {
    }

    /**
     * An attempt counted before its secret is checked.
     *
     * @param allowed             false while the key is held: check no secret (nothing was counted)
     * @param heldUntil           end of the hold that refused it, or of the hold this attempt's count started
     * @param consecutiveFailures the streak with this attempt counted (when allowed)
     * @param lockStarted         true when counting this attempt started a hold: reported by {@link #wrong} once the
     *                            secret proved wrong (a right one clears it)
     */
    public record Attempt(boolean allowed, Instant heldUntil, int consecutiveFailures, boolean lockStarted) {
    }

    private static final Verdict ALLOWED = new Verdict(true, null);

    private final ConcurrentMap<String, FailureRecord> store;
    private final int threshold;
    private final List<Duration> holds;
    private final int maxKeys;
    private final ReentrantLock eviction = new ReentrantLock();
    /** When eviction found nothing to remove: no new pass before the store grows to this size. */
    private volatile int nextEvictionSize;

    /** In memory. */
    public SignInThrottle(int threshold, List<Duration> holds, int maxKeys) {
        this(new ConcurrentHashMap<>(), threshold, holds, maxKeys);
    }

    /**
     * @param store     the records, keyed by an internal key; every update goes through {@code compute}
     * @param threshold the consecutive failure that starts the first hold (5: failures 1 to 4 are free)
     * @param holds     the durations of the successive holds, the last one repeating
     * @param maxKeys   the most records kept
     */
    public SignInThrottle(ConcurrentMap<String, FailureRecord> store, int threshold, List<Duration> holds, int maxKeys) {
        if (threshold < 1 || maxKeys < 1 || holds == null || holds.isEmpty()
                || holds.stream().anyMatch(d -> d == null || d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("Invalid sign-in throttle: threshold " + threshold + ", holds " + holds
                    + ", max keys " + maxKeys);
        }
        this.store = Objects.requireNonNull(store);
        this.threshold = threshold;
        this.holds = List.copyOf(holds);
        this.maxKeys = maxKeys;
    }

    /**
     * The consecutive failures counted on {@code key} (its identifier's own key, not a trusted device's) that are still
     * remembered at {@code now}: the one count of an account's failed sign-ins, shown on /admin/account.
     */
    public int consecutiveFailures(String key, Instant now) {
        FailureRecord record = live(store.get(storeKey(key, null)), now);
        return record == null ? 0 : record.consecutiveFailures();
    }

    /** Whether a sign-in attempt on {@code key} may check its secret now. */
    public Verdict check(String key, String trustedDeviceId, Instant now) {
        FailureRecord record = live(store.get(storeKey(key, trustedDeviceId)), now);
        return record != null && record.heldAt(now) ? new Verdict(false, record.heldUntil()) : ALLOWED;
    }

    /**
     * Counts an attempt on {@code key} (under the device's own key when {@code trustedDeviceId} is not null) before
     * its secret is checked, unless the key is held: one atomic step, so that parallel attempts cannot all pass a
     * check made before any of them is counted. The attempt that reaches the threshold is still allowed (it is the
     * threshold-th check) and starts the hold for the next ones.
     */
    public Attempt begin(String key, String trustedDeviceId, Instant now) {
        Objects.requireNonNull(now);
        boolean[] allowed = new boolean[1];
        FailureRecord[] before = new FailureRecord[1];
        FailureRecord after = store.compute(storeKey(key, trustedDeviceId), (k, old) -> {
            FailureRecord live = live(old, now);
            before[0] = live;
            if (live != null && live.heldAt(now)) {
                allowed[0] = false;
                return live;
            }
            allowed[0] = true;
            return next(live, now);
        });
        if (!allowed[0]) {
            return new Attempt(false, after.heldUntil(), after.consecutiveFailures(), false);
        }
        evictIfFull(now);
        boolean held = after.heldAt(now);
        boolean started = held && (before[0] == null || !before[0].heldAt(now));
        return new Attempt(true, held ? after.heldUntil() : null, after.consecutiveFailures(), started);
    }

    /**
     * The secret of a {@link #begin begun} attempt was wrong: it is already counted; what it did, for the audit and
     * the owner's notice.
     */
    public FailureOutcome wrong(String key, String trustedDeviceId, Attempt attempt, Instant now) {
        if (!attempt.allowed()) {
            throw new IllegalArgumentException("A refused attempt checked no secret");
        }
        return new FailureOutcome(attempt.consecutiveFailures(), attempt.lockStarted(), attempt.heldUntil());
    }

    /**
     * A {@link #begin begun} attempt checked no secret after all (the hash queue was full), or its right secret
     * cannot sign in (an expired provisional code): its count is given back, and the hold it started (if any) lifted.
     */
    public void refund(String key, String trustedDeviceId, Attempt attempt, Instant now) {
        if (!attempt.allowed()) {
            return;
        }
        store.computeIfPresent(storeKey(key, trustedDeviceId), (k, old) -> {
            int count = old.consecutiveFailures() - 1;
            if (count <= 0) {
                return null;
            }
            Instant heldUntil = old.heldUntil();
            if (count < threshold) {
                heldUntil = null;
            } else if (attempt.lockStarted() && heldUntil != null && heldUntil.isAfter(now)) {
                heldUntil = now; // the streak stays where it was, its last hold over
            }
            return new FailureRecord(count, old.lastFailure(), heldUntil);
        });
    }

    /**
     * Counts a failed check on {@code key} (under the device's own key when {@code trustedDeviceId} is not null) after
     * the fact: for checks that did not {@link #begin} (a wrong current password on the account page).
     */
    public FailureOutcome recordFailure(String key, String trustedDeviceId, Instant now) {
        Objects.requireNonNull(now);
        FailureRecord[] before = new FailureRecord[1];
        FailureRecord after = store.compute(storeKey(key, trustedDeviceId), (k, old) -> {
            before[0] = live(old, now);
            return next(before[0], now);
        });
        evictIfFull(now);
        boolean held = after.heldAt(now);
        boolean started = held && (before[0] == null || !before[0].heldAt(now));
        return new FailureOutcome(after.consecutiveFailures(), started, held ? after.heldUntil() : null);
    }

    /**
     * Clears the failures that applied to this sign-in: the key's own without a trusted device; the device's own with
     * one (a running attack on the key keeps its progression when the owner signs in from a trusted browser).
     */
    public void recordSuccess(String key, String trustedDeviceId) {
        store.remove(storeKey(key, trustedDeviceId));
    }

    /** Administrator's unlock: forgets the key's failures and those of every device on it. */
    public void reset(String key) {
        store.remove(storeKey(key, null));
        String devicePrefix = devicePrefix(key);
        store.keySet().removeIf(k -> k.startsWith(devicePrefix));
    }

    /** Records currently kept (for metrics). */
    public int trackedKeys() {
        return store.size();
    }

    private FailureRecord next(FailureRecord live, Instant now) {
        int count = live == null ? 1 : Math.min(live.consecutiveFailures(), Integer.MAX_VALUE - 1) + 1;
        Instant heldUntil = live == null ? null : live.heldUntil();
        if (count >= threshold) {
            Instant until = now.plus(holds.get((int) Math.min((long) count - threshold, holds.size() - 1)));
            if (heldUntil == null || until.isAfter(heldUntil)) {
                heldUntil = until;
            }
        }
        Instant last = live == null || now.isAfter(live.lastFailure()) ? now : live.lastFailure();
        return new FailureRecord(count, last, heldUntil);
    }

    /** The record, or null when absent or forgotten at {@code now}. */
    private static FailureRecord live(FailureRecord record, Instant now) {
        return record == null || forgotten(record, now) ? null : record;
    }

    private static boolean forgotten(FailureRecord record, Instant now) {
        return !now.isBefore(record.lastFailure().plus(FORGET_AFTER)) && !record.heldAt(now);
    }

    /**
     * A record kept whatever the room: held now, or its streak reached a hold and it is not forgotten yet (its next
     * failure escalates to a longer hold).
     */
    private static boolean protectedAt(FailureRecord record, Instant now) {
        return !forgotten(record, now) && (record.heldAt(now) || record.heldUntil() != null);
    }

    private void evictIfFull(Instant now) {
        int size = store.size();
        if (size <= maxKeys || size < nextEvictionSize) {
            return;
        }
        eviction.lock();
        try {
            int excess = store.size() - maxKeys;
            if (excess <= 0) {
                return;
            }
            // a little more than the excess, so that a full store is not sorted again on every new key
            int toRemove = excess + maxKeys / 100;
            List<Map.Entry<String, FailureRecord>> entries = new ArrayList<>();
            for (Map.Entry<String, FailureRecord> e : store.entrySet()) {
                if (!protectedAt(e.getValue(), now)) {
                    entries.add(Map.entry(e.getKey(), e.getValue()));
                }
            }
            // forgotten first, then the fewest failures (junk typed once), the least recently updated first
            entries.sort(Comparator
                    .comparing((Map.Entry<String, FailureRecord> e) -> !forgotten(e.getValue(), now))
                    .thenComparingInt(e -> e.getValue().consecutiveFailures())
                    .thenComparing(e -> e.getValue().lastFailure()));
            for (int i = 0; i < toRemove && i < entries.size(); i++) {
                store.remove(entries.get(i).getKey(), entries.get(i).getValue());
            }
            int left = store.size();
            // only protected records left over the bound: do not scan again on every new key
            nextEvictionSize = left > maxKeys ? left + Math.max(1, maxKeys / 100) : 0;
        } finally {
            eviction.unlock();
        }
    }

    private static String storeKey(String key, String trustedDeviceId) {
        String account = bounded(Objects.requireNonNull(key, "key"));
        return trustedDeviceId == null ? "a:" + account : devicePrefix(key) + bounded(trustedDeviceId);
    }

    /** Length-prefixed, so that no identifier can collide with a device key of another. */
    private static String devicePrefix(String key) {
        String account = bounded(key);
        return "d:" + account.length() + ":" + account + ":";
    }

    private static String bounded(String text) {
        if (text.length() <= MAX_KEY_LENGTH) {
            return text;
        }
        try {
            return "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
