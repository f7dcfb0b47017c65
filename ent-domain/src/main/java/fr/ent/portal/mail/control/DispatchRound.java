package fr.ent.portal.mail.control;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * One round of the dispatcher: the due mails, each delivered in its own transaction, until the batch is done
 * or the SMTP server turns out unreachable (the other mails then keep their turn for the next round, and
 * the server is not hammered).
 */
public final class DispatchRound {

    private DispatchRound() {
    }

    /**
     * @param dueIds  the ids of due mails, at most the given number (in a transaction of its own)
     * @param deliver delivers one mail in a new transaction, committed whatever the outcome
     * @return how many mails came to each outcome
     */
    public static Map<DeliveryOutcome, Integer> run(int batchSize, IntFunction<List<Long>> dueIds,
                                                   LongFunction<DeliveryOutcome> deliver) {
        Map<DeliveryOutcome, Integer> counts = new EnumMap<>(DeliveryOutcome.class);
        for (long id : dueIds.apply(batchSize)) {
            DeliveryOutcome outcome = deliver.apply(id);
            counts.merge(outcome, 1, Integer::sum);
            if (outcome == DeliveryOutcome.SERVER_UNREACHABLE) {
                break;
            }
        }
        return counts;
    }

    /**
     * Rounds one after the other while they find a full batch and the server answers, at most {@code maxBatches}:
     * a backlog (the mails queued while the SMTP server was down) drains at the server's pace, not one batch per
     * timer tick.
     *
     * @return how many mails came to each outcome, all rounds together
     */
    public static Map<DeliveryOutcome, Integer> drain(int batchSize, int maxBatches, IntFunction<List<Long>> dueIds,
                                                     LongFunction<DeliveryOutcome> deliver) {
        Map<DeliveryOutcome, Integer> total = new EnumMap<>(DeliveryOutcome.class);
        for (int batch = 0; batch < maxBatches; batch++) {
            Map<DeliveryOutcome, Integer> counts = run(batchSize, dueIds, deliver);
            counts.forEach((outcome, n) -> total.merge(outcome, n, Integer::sum));
            int tried = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (tried < batchSize || counts.containsKey(DeliveryOutcome.SERVER_UNREACHABLE)
                    || counts.getOrDefault(DeliveryOutcome.SKIPPED, 0) == tried) {
                break;
            }
        }
        return total;
    }
}
