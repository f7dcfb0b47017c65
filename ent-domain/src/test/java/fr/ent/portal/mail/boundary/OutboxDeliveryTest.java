package fr.ent.portal.mail.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import fr.ent.portal.mail.control.DeliveryOutcome;
import fr.ent.portal.mail.control.DispatchRound;
import fr.ent.portal.mail.control.Outbox;
import fr.ent.portal.mail.control.SmtpSettings;
import fr.ent.portal.mail.control.SmtpTransport;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.mail.entity.OutboxMail;
import fr.ent.portal.mail.entity.OutboxStatus;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;
import fr.ent.portal.platform.time.MutableClock;

/**
 * The outbox end to end on a migrated in-memory H2 (Flyway, then Hibernate validate) and a real SMTP server
 * (GreenMail), each transaction run as the EJBs run it: queue in the caller's transaction, then one small
 * transaction per delivery.
 */
class OutboxDeliveryTest {

    private static final int BATCH = 5;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-10T08:00:00Z"), ZoneId.of("Europe/Paris"));
    private EntityManagerFactory emf;
    private int port;
    private GreenMail smtp;
    private final List<MimeMessage> received = new ArrayList<>();

    @BeforeEach
    void boot(TestInfo test) {
        emf = TestPersistenceUnit.migratedH2("outbox-" + test.getTestMethod().orElseThrow().getName());
        port = freePort();
    }

    @AfterEach
    void close() {
        stopSmtp();
        emf.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** Stops the server, keeping what it received. */
    private void stopSmtp() {
        if (smtp != null) {
            received.addAll(List.of(smtp.getReceivedMessages()));
            smtp.stop();
            smtp = null;
        }
    }

    private SmtpTransport transport() {
        return new SmtpTransport(new SmtpSettings("127.0.0.1", port, SmtpSettings.Tls.NONE, "", "",
                "ne-pas-repondre@ent.example", "ENT", Duration.ofSeconds(2), Duration.ofSeconds(5)), clock);
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return TestPersistenceUnit.inTransaction(emf, work);
    }

    private Mailer mailer(EntityManager em) {
        Mailer mailer = new Mailer();
        mailer.em = em;
        mailer.clock = clock;
        return mailer;
    }

    private void queue(String recipient) {
        inTransaction(em -> {
            mailer(em).queue(recipient, MailTemplate.PASSWORD_RESET, Locale.FRENCH,
                    Map.of("firstName", "Zoé", "link", "https://ent.example/r?t=" + recipient, "validMinutes", 30));
            return null;
        });
    }

    /** One round of the dispatcher, as OutboxDispatcher runs it through MailDelivery. */
    private Map<DeliveryOutcome, Integer> round(SmtpTransport transport, int maxAttempts) {
        return DispatchRound.run(BATCH,
                max -> inTransaction(em -> new Outbox(em, clock, transport, maxAttempts).dueIds(max)),
                id -> inTransaction(em -> new Outbox(em, clock, transport, maxAttempts).deliver(id)));
    }

    /** One tick of the dispatcher with a backlog: batch after batch, at most {@code maxBatches}. */
    private Map<DeliveryOutcome, Integer> drain(SmtpTransport transport, int maxBatches) {
        return DispatchRound.drain(BATCH, maxBatches,
                max -> inTransaction(em -> new Outbox(em, clock, transport, 10).dueIds(max)),
                id -> inTransaction(em -> new Outbox(em, clock, transport, 10).deliver(id)));
    }

    private List<OutboxMail> mails() {
        return inTransaction(em -> em.createQuery("select m from OutboxMail m order by m.id", OutboxMail.class)
                .getResultList());
    }

    @Test
    void aMailExistsOnlyIfTheCallersTransactionCommits() {
        assertThrows(IllegalStateException.class, () -> inTransaction(em -> {
            mailer(em).queue("rolled@back.example", MailTemplate.PASSWORD_RESET, Locale.FRENCH,
                    Map.of("firstName", "Zoé", "link", "https://ent.example/r", "validMinutes", 30));
            em.flush();
            throw new IllegalStateException("the business change fails");
        }));
        assertEquals(0, mails().size());

        queue("kept@example.org");
        List<OutboxMail> mails = mails();
        assertEquals(1, mails.size());
        OutboxMail mail = mails.get(0);
        assertEquals(OutboxStatus.QUEUED, mail.status());
        assertEquals(Locale.FRENCH, mail.locale());
        assertEquals("Choisissez un nouveau mot de passe ENT", mail.subject());
        assertTrue(mail.htmlBody().contains("<a href=\"https://ent.example/r?t=kept@example.org\""));
        assertEquals(List.of(mail.id()), inTransaction(em -> mailer(em).latest(50)).stream().map(OutboxMail::id).toList());
    }

    @Test
    void everyMailIsDeliveredExactlyOnceAcrossAnSmtpOutage() throws MessagingException {
        int count = 12;
        for (int i = 0; i < count; i++) {
            queue("eleve" + i + "@ecole" + i + ".example");
        }
        SmtpTransport transport = transport();

        startSmtp();
        assertEquals(Map.of(DeliveryOutcome.SENT, BATCH), round(transport, 10));

        stopSmtp();
        assertEquals(Map.of(DeliveryOutcome.SERVER_UNREACHABLE, 1), round(transport, 10),
                "the round stops at the first unreachable server");
        assertEquals(Map.of(DeliveryOutcome.SERVER_UNREACHABLE, 1), round(transport, 10));
        List<OutboxMail> during = mails();
        List<OutboxMail> deferred = during.stream().filter(m -> m.attempts() == 1 && m.status() == OutboxStatus.QUEUED).toList();
        assertEquals(2, deferred.size());
        for (OutboxMail m : deferred) {
            assertTrue(m.lastError().contains("ConnectException"), m.lastError());
            assertEquals(clock.instant().plusSeconds(10), m.nextAttemptAt());
        }
        assertEquals(count - BATCH, during.stream().filter(m -> m.status() == OutboxStatus.QUEUED).count());

        startSmtp();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 10 && !round(transport, 10).isEmpty(); i++) {
            clock.advance(Duration.ofSeconds(5));
        }
        clock.advance(Duration.ofHours(1));
        assertEquals(Map.of(), round(transport, 10), "nothing left to send");
        stopSmtp();

        assertTrue(mails().stream().allMatch(m -> m.status() == OutboxStatus.SENT && m.sentAt() != null));
        assertEquals(count, received.size(), "each mail delivered once");
        Set<String> messageIds = new HashSet<>();
        Set<String> recipients = new HashSet<>();
        for (MimeMessage message : received) {
            assertTrue(messageIds.add(message.getMessageID()), "twice: " + message.getMessageID());
            assertTrue(recipients.add(((InternetAddress) message.getAllRecipients()[0]).getAddress()));
        }
        assertEquals(count, recipients.size());
    }

    @Test
    void aBacklogDrainsInOneTickBatchAfterBatch() throws MessagingException {
        for (int i = 0; i < 3 * BATCH + 2; i++) {
            queue("attente" + i + "@ecole.example");
        }
        SmtpTransport transport = transport();
        startSmtp();
        assertEquals(Map.of(DeliveryOutcome.SENT, 2 * BATCH), drain(transport, 2), "at most the batches allowed");
        assertEquals(Map.of(DeliveryOutcome.SENT, BATCH + 2), drain(transport, 50), "then the rest, and it stops");
        assertEquals(3 * BATCH + 2, smtp.getReceivedMessages().length);
    }

    @Test
    void aMailHeldByAnotherNodeIsSkippedNotWaitedFor() {
        queue("held@example.org");
        long id = mails().get(0).id();
        startSmtp();
        SmtpTransport transport = transport();

        EntityManager otherNode = emf.createEntityManager();
        otherNode.getTransaction().begin();
        assertNotNull(otherNode.find(OutboxMail.class, id, LockModeType.PESSIMISTIC_WRITE));
        try {
            long start = System.nanoTime();
            assertEquals(DeliveryOutcome.SKIPPED, inTransaction(em -> new Outbox(em, clock, transport, 10).deliver(id)));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(900)) < 0,
                    "skipped at once, not after a lock timeout");
        } finally {
            otherNode.getTransaction().rollback();
            otherNode.close();
        }
        assertEquals(DeliveryOutcome.SENT, inTransaction(em -> new Outbox(em, clock, transport, 10).deliver(id)));
        assertEquals(DeliveryOutcome.SKIPPED, inTransaction(em -> new Outbox(em, clock, transport, 10).deliver(id)),
                "a sent mail is not sent again");
        assertTrue(smtp.waitForIncomingEmail(2_000, 1));
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void aRefusedMailIsRetriedWithBackoffThenFailed() {
        queue("refused@example.org");
        SmtpTransport refusing = new SmtpTransport() {
            @Override
            public void send(OutboxMail mail) throws MessagingException {
                throw new SendFailedException("550 mailbox unavailable for refused@example.org");
            }
        };
        assertEquals(Map.of(DeliveryOutcome.RETRY, 1), round(refusing, 3));
        assertEquals(Map.of(), round(refusing, 3), "not due before its backoff");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Map.of(DeliveryOutcome.RETRY, 1), round(refusing, 3));
        clock.advance(Duration.ofSeconds(19));
        assertEquals(Map.of(), round(refusing, 3));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Map.of(DeliveryOutcome.FAILED, 1), round(refusing, 3));
        clock.advance(Duration.ofDays(1));
        assertEquals(Map.of(), round(refusing, 3));
        OutboxMail mail = mails().get(0);
        assertEquals(OutboxStatus.FAILED, mail.status());
        assertEquals(3, mail.attempts());
        assertEquals("SendFailedException", mail.lastError(), "no server text (it may quote addresses)");
    }
}
