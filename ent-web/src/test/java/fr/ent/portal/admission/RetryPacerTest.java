package fr.ent.portal.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pace of refused clients that are not browsers (issue 21, the retry storm). */
class RetryPacerTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void aFewRefusalsGetTheShortestWaitAndHold() {
        RetryPacer pacer = new RetryPacer(100);
        for (int i = 0; i < 50; i++) {
            int retryAfter = pacer.refused(i * SECOND / 50);
            assertTrue(retryAfter >= 2 && retryAfter <= 8, "5 s ± 50%: " + retryAfter);
        }
        pacer.refused(SECOND + 1);
        assertEquals(RetryPacer.MIN_SECONDS, pacer.interval(), "50/s is below the target: the interval stays short");
    }

    @Test
    void moreRefusedClientsThanTheTargetAreToldToWaitLongerUntilTheyComeBackAtTheTarget() {
        RetryPacer pacer = new RetryPacer(100);
        // 300 refusals a second: 3× the target, so the interval triples each second up to its bound
        for (int second = 0; second < 4; second++) {
            for (int i = 0; i < 300; i++) {
                pacer.refused(second * SECOND + i * SECOND / 300);
            }
        }
        pacer.refused(4 * SECOND);
        assertEquals(RetryPacer.MAX_SECONDS, pacer.interval(), 1e-9);
        int retryAfter = pacer.refused(4 * SECOND + 1);
        assertTrue(retryAfter >= 60 && retryAfter <= 180, "120 s ± 50%: " + retryAfter);
    }

    @Test
    void whenTheStormPassesTheWaitShortensAgain() {
        RetryPacer pacer = new RetryPacer(100);
        for (int i = 0; i < 1000; i++) {
            pacer.refused(i * SECOND / 1000);
        }
        pacer.refused(SECOND);
        assertEquals(50, pacer.interval(), 1e-6, "1,000/s against 100/s: 5 s × 10");
        pacer.refused(3 * SECOND); // one refusal in two seconds
        assertEquals(RetryPacer.MIN_SECONDS, pacer.interval());
    }
}
