package fr.ent.portal.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;

/** Reads what the portal delivered to the test SMTP server. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Waits (up to 30 s: the outbox delivers in the background) for a new mail to {@code to} whose subject contains {@code subject}. */
    public static MimeMessage await(String to, String subject, int alreadySeen) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> matching = to(to, subject);
            if (matching.size() > alreadySeen) {
                return matching.get(matching.size() - 1);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No mail to " + to + " about '" + subject + "' within 30 s; received: " + summary());
    }

    public static List<MimeMessage> to(String to, String subject) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage message : Portal.mail().getReceivedMessages()) {
            boolean addressed = false;
            for (Address recipient : message.getRecipients(Message.RecipientType.TO)) {
                addressed |= recipient.toString().contains(to);
            }
            if (addressed && message.getSubject() != null && message.getSubject().contains(subject)) {
                matching.add(message);
            }
        }
        return matching;
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    /** The first link to {@code path} in the mail (decoding quoted-printable soft breaks). */
    public static Optional<String> link(MimeMessage message, String path) {
        String body = body(message).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher m = Pattern.compile("https?://[^\\s\"'<>]+" + Pattern.quote(path) + "[^\\s\"'<>]*").matcher(body);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static String summary() {
        StringBuilder s = new StringBuilder();
        try {
            for (MimeMessage message : Portal.mail().getReceivedMessages()) {
                s.append('[').append(message.getRecipients(Message.RecipientType.TO)[0]).append(": ")
                        .append(message.getSubject()).append("] ");
            }
        } catch (Exception e) {
            s.append(e);
        }
        return s.toString();
    }
}
