package fr.ent.portal.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.boundary.TestMailers;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.mail.entity.OutboxMail;
import fr.ent.portal.platform.config.TestSettings;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;

/**
 * Issue 20, item 8: the "was it you?" mail carries no text the guesser chose (no raw User-Agent: a coarse browser and
 * system name) and is written in the account's language, not the guesser's. On the demo data in a migrated in-memory
 * H2 (s.bernard1, verified email s.bernard@example.org).
 */
class LockNoticeTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));
    static final String BERNARD = "s.bernard@example.org";
    static final String HOSTILE_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36 "
            + "URGENT: your account is compromised, call +33 1 23 45 67 89 or open https://evil.example/reset";

    EntityManagerFactory emf;

    @BeforeEach
    void demo(TestInfo test) {
        emf = TestPersistenceUnit.migratedH2("lock-notice-" + test.getTestMethod().orElseThrow().getName());
        TestPersistenceUnit.inTransaction(emf, em ->
                new DemoDataSet(em, new PasswordHashing(1024, 1, 1, 2), CLOCK).loadIfAbsent());
    }

    @AfterEach
    void close() {
        emf.close();
    }

    Mailer mailer(EntityManager em) {
        return TestMailers.of(em, CLOCK);
    }

    OutboxMail lockNotice(String userAgent) {
        return TestPersistenceUnit.inTransaction(emf, em -> {
            SignInRecords records = new SignInRecords();
            records.em = em;
            records.mailer = mailer(em);
            records.settings = TestSettings.of(Map.of());
            long bernard = em.createNamedQuery(Account.BY_IDENTIFIER, Account.class)
                    .setParameter("identifier", "s.bernard1").getSingleResult().id();
            records.lockNotice(bernard, CLOCK.instant(), Duration.ofMinutes(1), "198.51.100.7", userAgent);
            return em.createQuery("select m from OutboxMail m where m.template = :t order by m.id desc", OutboxMail.class)
                    .setParameter("t", MailTemplate.ACCOUNT_LOCKED_NOTICE).setMaxResults(1).getSingleResult();
        });
    }

    /** The owner used the portal in {@code language} (their first connection, account page, reset…). */
    void ownerUsedThePortalIn(Locale language) {
        TestPersistenceUnit.inTransaction(emf, em -> {
            em.createNamedQuery(Account.BY_IDENTIFIER, Account.class).setParameter("identifier", "s.bernard1")
                    .getSingleResult().speaks(language);
            return null;
        });
    }

    @Test
    void noRawUserAgentOnlyACoarseBrowserAndSystemName() {
        OutboxMail mail = lockNotice(HOSTILE_AGENT);
        String text = mail.textBody() + mail.htmlBody();
        assertFalse(text.contains("evil.example"), "the guesser's link is not in the mail");
        assertFalse(text.contains("URGENT"), "the guesser's words are not in the mail");
        assertFalse(text.contains("Mozilla"), "no raw User-Agent");
        assertTrue(mail.textBody().contains("198.51.100.7 – Chrome · Windows"), mail.textBody());
    }

    @Test
    void anUnknownBrowserLeavesTheAddressAlone() {
        OutboxMail mail = lockNotice("<script>alert(1)</script>");
        assertFalse(mail.textBody().contains("script"), mail.textBody());
        assertTrue(mail.textBody().contains("(198.51.100.7)"), mail.textBody());
    }

    @Test
    void theMailIsInTheAccountsLanguage() {
        assertEquals(Locale.FRENCH, lockNotice("Mozilla/5.0 Firefox/120.0 (X11; Linux)").locale(), "nothing known: French");
        ownerUsedThePortalIn(Locale.ENGLISH);
        OutboxMail mail = lockNotice("Mozilla/5.0 Firefox/120.0 (X11; Linux)");
        assertEquals(Locale.ENGLISH, mail.locale());
        assertTrue(mail.subject().contains("locked"), mail.subject());
        ownerUsedThePortalIn(Locale.FRENCH);
        assertEquals(Locale.FRENCH, lockNotice("Mozilla/5.0 Firefox/120.0 (X11; Linux)").locale(), "back to French");
    }
}
