package fr.ent.portal.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class OutboxMailTest {

    private static final Instant T0 = Instant.parse("2026-11-10T08:00:00Z");

    private static OutboxMail mail() {
        return new OutboxMail(MailTemplate.PASSWORD_RESET, " zoe@example.org ", Locale.FRENCH, "Sujet", "Texte",
                "<p>Texte</p>", T0);
    }

    @Test
    void aNewMailIsQueuedAndDueAtOnce() {
        OutboxMail mail = mail();
        assertEquals(OutboxStatus.QUEUED, mail.status());
        assertEquals("zoe@example.org", mail.recipient());
        assertEquals("example.org", mail.recipientDomain());
        assertEquals(Locale.FRENCH, mail.locale());
        assertTrue(mail.isDueAt(T0));
        assertFalse(mail.isDueAt(T0.minusSeconds(1)));
        assertEquals(0, mail.attempts());
    }

    @Test
    void backoffDoublesFromTenSecondsUpToFifteenMinutes() {
        assertEquals(Duration.ofSeconds(10), OutboxMail.backoff(1));
        assertEquals(Duration.ofSeconds(20), OutboxMail.backoff(2));
        assertEquals(Duration.ofSeconds(40), OutboxMail.backoff(3));
        assertEquals(Duration.ofSeconds(640), OutboxMail.backoff(7));
        assertEquals(Duration.ofMinutes(15), OutboxMail.backoff(8));
        assertEquals(Duration.ofMinutes(15), OutboxMail.backoff(1000));
    }

    @Test
    void failuresRetryWithBackoffThenGiveUpAtTheMaximum() {
        OutboxMail mail = mail();
        Instant now = T0;
        for (int attempt = 1; attempt < 4; attempt++) {
            mail.failed(now, "SendFailedException", 4);
            assertEquals(OutboxStatus.QUEUED, mail.status());
            assertEquals(now.plus(OutboxMail.backoff(attempt)), mail.nextAttemptAt());
            assertFalse(mail.isDueAt(now));
            now = mail.nextAttemptAt();
            assertTrue(mail.isDueAt(now));
        }
        mail.failed(now, "SendFailedException\n550", 4);
        assertEquals(OutboxStatus.FAILED, mail.status());
        assertEquals(4, mail.attempts());
        assertEquals("SendFailedException 550", mail.lastError());
        assertFalse(mail.isDueAt(now.plus(Duration.ofDays(1))));
        assertThrows(IllegalStateException.class, () -> mail.sent(T0));

        mail.requeue(now);
        assertTrue(mail.isDueAt(now));
        assertEquals(0, mail.attempts());
    }

    @Test
    void anUnreachableServerNeverMakesAMailFail() {
        OutboxMail mail = mail();
        Instant now = T0;
        Instant previous = T0;
        for (int i = 0; i < 30; i++) {
            mail.deferred(now, "MessagingException/ConnectException");
            previous = now;
            now = mail.nextAttemptAt();
        }
        assertEquals(OutboxStatus.QUEUED, mail.status());
        assertEquals(30, mail.attempts());
        assertEquals(Duration.ofMinutes(15), Duration.between(previous, now), "the wait is capped");
        mail.sent(now);
        assertEquals(OutboxStatus.SENT, mail.status());
        assertEquals(now, mail.sentAt());
        assertNull(mail.lastError());
        assertThrows(IllegalStateException.class, () -> mail.failed(T0, "x", 10), "a sent mail stays sent");
    }

    @Test
    void theRecipientIsOneAddress() {
        for (String bad : new String[] {null, " ", "nobody", "a@b.example, c@d.example", "a@b.example\r\nBcc: x@y"}) {
            assertThrows(IllegalArgumentException.class, () -> new OutboxMail(MailTemplate.PASSWORD_RESET, bad,
                    Locale.FRENCH, "s", "t", "h", T0), String.valueOf(bad));
        }
    }
}
