package fr.ent.portal.help.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.boundary.TestAuditTrails;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.demo.control.DemoDataSet;
import fr.ent.portal.mail.boundary.TestMailers;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.TestSettings;
import fr.ent.portal.platform.persistence.TestPersistenceUnit;

/**
 * Issue 20, item 8: the identifier reminder (/help/identifier) has a limit of its own — its own setting, apart from the
 * reset links', and a full count that other events of the account cannot push out of sight. On the demo data in a
 * migrated in-memory H2, the boundary wired by hand as its container would.
 */
class IdentifierReminderLimitTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneId.of("Europe/Paris"));
    static final String BERNARD = "s.bernard@example.org";
    static final Client STRANGER = new Client("198.51.100.7", "curl/8", Locale.FRENCH);

    EntityManagerFactory emf;
    Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void demo(TestInfo test) {
        emf = TestPersistenceUnit.migratedH2("reminder-" + test.getTestMethod().orElseThrow().getName());
        TestPersistenceUnit.inTransaction(emf, em ->
                new DemoDataSet(em, new PasswordHashing(1024, 1, 1, 2), CLOCK).loadIfAbsent());
    }

    @AfterEach
    void close() {
        emf.close();
    }

    AuditTrail audit(EntityManager em) {
        return TestAuditTrails.of(em, CLOCK);
    }

    void remind() {
        TestPersistenceUnit.inTransaction(emf, em -> {
            RecoveryWork work = new RecoveryWork();
            work.em = em;
            work.audit = audit(em);
            work.mailer = TestMailers.of(em, CLOCK);
            work.settings = TestSettings.of(settings);
            work.clock = CLOCK;
            work.identifierReminderNow(BERNARD, STRANGER);
            return null;
        });
    }

    long remindersMailed() {
        return TestPersistenceUnit.inTransaction(emf, em -> em.createQuery(
                "select count(m) from OutboxMail m where m.recipient = :r and m.template = :t", Long.class)
                .setParameter("r", BERNARD).setParameter("t", MailTemplate.IDENTIFIER_REMINDER).getSingleResult());
    }

    @Test
    void theReminderLimitIsItsOwnSettingNotTheResetLinks() {
        settings.put("ent.password-reset.max-per-hour", "1");
        settings.put("ent.identifier-reminder.max-per-hour", "3");
        for (int i = 0; i < 5; i++) {
            remind();
        }
        assertEquals(3, remindersMailed(), "3 reminders an hour, whatever the reset links' limit");
    }

    @Test
    void otherEventsOfTheAccountCannotPushTheRemindersOutOfTheCount() {
        for (int i = 0; i < 3; i++) {
            remind();
        }
        assertEquals(3, remindersMailed());
        // anyone can give the account other events: 60 failed sign-ins on its identifier, say
        TestPersistenceUnit.inTransaction(emf, em -> {
            Account bernard = em.createNamedQuery(Account.BY_IDENTIFIER, Account.class)
                    .setParameter("identifier", "s.bernard1").getSingleResult();
            AuditTrail audit = audit(em);
            for (int i = 0; i < 60; i++) {
                audit.record(AuditEventType.SIGN_IN_FAILED, bernard.id(), "s.bernard1", STRANGER.ip(),
                        STRANGER.userAgent(), "wrong-secret");
            }
            return null;
        });
        remind();
        assertEquals(3, remindersMailed(), "still limited: the 4th reminder of the hour is not mailed");
    }
}
