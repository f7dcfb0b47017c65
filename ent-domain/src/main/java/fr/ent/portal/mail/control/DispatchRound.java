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
}
