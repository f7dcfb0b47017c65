package fr.ent.portal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault drill (issue 10): the SMTP server is down for the length of 500 password-reset requests, then back. Every
 * reset link must reach its mailbox once: none lost (the outbox keeps what the server could not take), none twice
 * (each mail is claimed and marked SENT in one transaction). Also measures how long the backlog takes to drain.
 * <p>
 * Runs in the {@code drills} profile only: its portal allows 1,000 reset links per account and hour
 * ({@code ent.password-reset.max-per-hour}, set by the profile), the two demo accounts with a verified email take
 * 250 requests each. On H2 and PostgreSQL; on PostgreSQL the outbox is also read directly.
 */
@Order(1)
@ExtendWith(Portal.class)
class MailOutageDrill {

    static final int REQUESTS = 500;
    private static final String SUBJECT = "Choisissez un nouveau mot de passe";
    private static final List<String> ACCOUNTS = List.of("s.bernard1", "g.leroy1");
    private static final List<String> MAILBOXES = List.of("s.bernard@example.org", "g.leroy@example.org");
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

    @Test
    void resetMailsAskedForWhileSmtpIsDownAreAllDeliveredOnceWhenItIsBack() throws Exception {
        GreenMail smtp = Portal.mail();
        smtp.stop(); // refuses connections from now on (and forgets what it received)
        Instant down = Instant.now();

        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String identifier = ACCOUNTS.get(i % ACCOUNTS.size());
                sent.add(clients.submit(() -> {
                    HttpResponse<String> answer = askForReset(identifier);
                    assertTrue(takenIn(answer), answer.statusCode() + " " + answer.headers() + " " + answer.body());
                    answered.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            clients.shutdown();
        }
        Instant requested = Instant.now();
        assertEquals(REQUESTS, answered.get());
        // the dispatcher (every 5 s) must have met the dead server at least once
        Thread.sleep(Math.max(0, Duration.ofSeconds(12).minus(Duration.between(down, requested)).toMillis()));
        String outboxWhileDown = outbox();

        smtp.start();
        Instant up = Instant.now();
        Map<String, Integer> links = new HashMap<>();
        Instant deadline = up.plus(DRAIN_LIMIT);
        int delivered = 0;
        while (Instant.now().isBefore(deadline) && delivered < REQUESTS) {
            Thread.sleep(500);
            delivered = resetMails(smtp).size();
        }
        Instant drained = Instant.now();
        Thread.sleep(11_000); // two more dispatcher rounds: anything sent twice would arrive now
        List<MimeMessage> mails = resetMails(smtp);
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage mail : mails) {
            messageIds.add(mail.getMessageID());
            links.merge(Mailbox.link(mail, "/reset?token=").orElseThrow(() -> new AssertionError(Mailbox.body(mail))),
                    1, Integer::sum);
        }
        long twice = links.values().stream().filter(n -> n > 1).count();
        String figures = String.format("""
                MailOutageDrill %s
                reset requests answered while SMTP was down: %d (in %d ms)
                reset mails delivered after it came back: %d, distinct links: %d, distinct Message-IDs: %d, links twice: %d
                SMTP down for %d ms; backlog drained %d ms after it came back
                outbox while down: %s; outbox at the end: %s
                """, Instant.now(), answered.get(), Duration.between(down, requested).toMillis(), mails.size(),
                links.size(), messageIds.size(), twice, Duration.between(down, up).toMillis(),
                Duration.between(up, drained).toMillis(), outboxWhileDown, outbox());
        Files.writeString(Path.of("target", "security-mail-drill.txt"), figures);
        System.out.println(figures);

        assertEquals(REQUESTS, links.size(), "every reset link delivered, none lost: " + figures);
        assertEquals(0, twice, "no link delivered twice: " + figures);
        assertEquals(REQUESTS, mails.size(), "no mail delivered twice: " + figures);
        assertEquals(REQUESTS, messageIds.size(), figures);
    }

    /** The reset form for {@code identifier}, posted from loopback (never rate limited): the POST's answer. */
    static HttpResponse<String> askForReset(String identifier) {
        Http http = new Http();
        HttpResponse<String> page = http.get("/help/password");
        if (page.statusCode() != 200) {
            return page;
        }
        Map<String, String> form = AdminLettersIT.Web.form(page.body(), "forgottenPassword", "forgottenPassword:submit");
        form.put("forgottenPassword:typed", identifier);
        return http.post("/help/password", form);
    }

    /** The answer to a reset request taken in: the redirect to the same answer for everyone (post-redirect-get). */
    static boolean takenIn(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 3 && answer.headers().firstValue("Location").orElse("").contains("sent=1");
    }

    private static List<MimeMessage> resetMails(GreenMail smtp) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            String to = String.valueOf(mail.getRecipients(jakarta.mail.Message.RecipientType.TO)[0]);
            if (mail.getSubject() != null && mail.getSubject().contains(SUBJECT) && MAILBOXES.stream().anyMatch(to::contains)) {
                mails.add(mail);
            }
        }
        return mails;
    }

    /** The reset mails of the outbox by status and attempts (PostgreSQL: read directly), or "not read" on H2. */
    private static String outbox() throws Exception {
        if (Portal.databaseUrl() == null) {
            return "not read (H2)";
        }
        StringBuilder counts = new StringBuilder();
        try (Connection c = TestDatabases.connect(Portal.databaseUrl()); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select status, count(*), max(attempts) from outbox_mail"
                     + " where template = 'PASSWORD_RESET' group by status order by status")) {
            while (rows.next()) {
                counts.append(counts.length() > 0 ? ", " : "").append(rows.getString(1)).append(' ').append(rows.getLong(2))
                        .append(" (attempts at most ").append(rows.getInt(3)).append(')');
            }
        }
        return counts.toString();
    }
}
