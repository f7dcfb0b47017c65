package fr.ent.portal.signin.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * The failed sign-ins of one key, as stored (immutable and serializable, so that the store may later be a
 * cluster-wide cache).
 *
 * @param consecutiveFailures failures since the last success, reset or forgetting
 * @param lastFailure         when the last failure happened (also the "last updated" time used for eviction)
 * @param heldUntil           end of the current or last hold, null when the key was never held in this streak
 */
public record FailureRecord(int consecutiveFailures, Instant lastFailure, Instant heldUntil) implements Serializable {

    /** As text for the cluster-wide store: {@code <failures>|<last failure>|<held until or ->}. */
    public static final fr.ent.portal.platform.cluster.Codec<FailureRecord> CODEC = new fr.ent.portal.platform.cluster.Codec<>() {
        @Override
        public String encode(FailureRecord r) {
            return r.consecutiveFailures + "|" + r.lastFailure + "|" + (r.heldUntil == null ? "-" : r.heldUntil.toString());
        }

        @Override
        public FailureRecord decode(String text) {
            String[] parts = text.split("\\|", -1);
            return new FailureRecord(Integer.parseInt(parts[0]), Instant.parse(parts[1]),
                    "-".equals(parts[2]) ? null : Instant.parse(parts[2]));
        }
    };

    /** True while a hold is running at {@code now}. */
    public boolean heldAt(Instant now) {
        return heldUntil != null && now.isBefore(heldUntil);
    }
}
