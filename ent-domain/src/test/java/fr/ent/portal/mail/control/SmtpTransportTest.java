package fr.ent.portal.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.mail.entity.OutboxMail;

/** The transport against a real SMTP server (GreenMail on a free port). */
class SmtpTransportTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-10T08:00:00Z"), ZoneId.of("Europe/Paris"));

    static SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, SmtpSettings.Tls.NONE, "", "", "ne-pas-repondre@ent.example",
                "ENT Académie", Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void sendsBothPartsInUtf8WithAStableMessageId() throws Exception {
        RenderedMail rendered = new MailTemplates(clock.getZone()).render(MailTemplate.EMAIL_VERIFICATION,
                Locale.FRENCH, Map.of("firstName", "Zoé €", "link", "https://ent.example/v?t=abc", "validHours", 24));
        OutboxMail mail = new OutboxMail(MailTemplate.EMAIL_VERIFICATION, "zoe@example.org", Locale.FRENCH,
                rendered.subject() + " – é €", rendered.text(), rendered.html(), clock.instant());

        new SmtpTransport(settings(SMTP.getSmtp().getPort()), clock).send(mail);

        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertEquals("Confirmez votre adresse électronique – é €", received.getSubject());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("ne-pas-repondre@ent.example", from.getAddress());
        assertEquals("ENT Académie", from.getPersonal());
        assertEquals("zoe@example.org", ((InternetAddress) received.getAllRecipients()[0]).getAddress());
        assertTrue(received.getMessageID().startsWith("<outbox.null." + clock.millis() + "@ent.example>"),
                received.getMessageID());
        assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());

        Multipart parts = (Multipart) received.getContent();
        assertEquals(2, parts.getCount());
        Part text = parts.getBodyPart(0);
        Part html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertTrue(text.getContentType().toUpperCase(Locale.ROOT).contains("UTF-8"), text.getContentType());
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertEquals(rendered.text().replace("\n", "\r\n"), ((String) text.getContent()).replace("\r\n", "\n").replace("\n", "\r\n"));
        assertTrue(((String) text.getContent()).contains("Bonjour Zoé €,"));
        assertTrue(((String) html.getContent()).contains("Bonjour Zoé €,"));
        assertTrue(((String) html.getContent()).contains("<a href=\"https://ent.example/v?t=abc\""));
    }

    @Test
    void aDeadServerIsReportedAsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OutboxMail mail = new OutboxMail(MailTemplate.PASSWORD_RESET, "zoe@example.org", Locale.FRENCH, "s", "t",
                "<p>h</p>", clock.instant());
        MessagingException e = assertThrows(MessagingException.class,
                () -> new SmtpTransport(settings(port), clock).send(mail));
        DeliveryFailure failure = DeliveryFailure.of(e);
        assertTrue(failure.serverUnreachable(), failure.code());
        assertTrue(failure.code().contains("ConnectException"), failure.code());
    }

    @Test
    void noHostMeansNoDelivery() {
        assertTrue(new SmtpTransport(settings(25), clock).enabled());
        SmtpSettings none = new SmtpSettings("", 25, SmtpSettings.Tls.NONE, "", "", "a@b.example", "", Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertEquals(false, new SmtpTransport(none, clock).enabled());
        assertTrue(!none.toString().contains("secret"));
    }
}
