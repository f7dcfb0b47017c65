package fr.ent.portal.help.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.help.entity.HelpRequestKind;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;

/**
 * What a help form leads to, done in the background (see {@link Recovery}): a reset link to a verified email, a
 * help request to the school for an account without one, or the list of identifiers tied to an email.
 */
@Stateless
public class RecoveryWork {

    @PersistenceContext
    EntityManager em;

    @EJB
    PasswordResets resets;

    @EJB
    HelpRequests helpRequests;

    @EJB
    AuditTrail audit;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Asynchronous
    public void forgottenPassword(String key, Client client) {
        passwordResetNow(key, client);
    }

    /** The same work, in the caller's thread (tests). */
    public void passwordResetNow(String typed, Client client) {
        String key = Recovery.normalized(typed);
        List<Account> accounts = key.contains("@") ? withVerifiedEmail(key) : byIdentifier(key);
        if (accounts.isEmpty()) {
            audit.record(AuditEventType.PASSWORD_RESET_REJECTED, null, key, client.ip(), client.userAgent(), "unknown");
            return;
        }
        for (Account account : accounts) {
            if (account.status() == AccountStatus.DISABLED) {
                audit.record(AuditEventType.PASSWORD_RESET_REJECTED, account.id(), account.identifier(), client.ip(),
                        client.userAgent(), "account_disabled");
            } else if (account.hasVerifiedEmail()) {
                resets.issue(account, client);
            } else {
                helpRequests.open(account.id(), HelpRequestKind.NO_EMAIL_RESET, client);
            }
        }
    }

    @Asynchronous
    public void identifierReminder(String email, Client client) {
        identifierReminderNow(email, client);
    }

    /** The same work, in the caller's thread (tests). */
    public void identifierReminderNow(String typedEmail, Client client) {
        String email = Recovery.normalized(typedEmail);
        List<Account> owners = withVerifiedEmail(email);
        if (owners.isEmpty()) {
            audit.record(AuditEventType.IDENTIFIER_REMINDER_SENT, null, email, client.ip(), client.userAgent(), "unknown");
            return;
        }
        if (recentReminders(owners.get(0)) >= settings.getInt(Setting.IDENTIFIER_REMINDER_MAX_PER_HOUR)) {
            audit.record(AuditEventType.IDENTIFIER_REMINDER_SENT, owners.get(0).id(), owners.get(0).identifier(),
                    client.ip(), client.userAgent(), "limited");
            return;
        }
        List<String> lines = new ArrayList<>();
        for (Account owner : owners) {
            lines.add(line(owner));
            if (owner.profile() == Profile.LEGAL_REPRESENTATIVE) {
                for (Responsibility r : em.createNamedQuery(Responsibility.OF_REPRESENTATIVE, Responsibility.class)
                        .setParameter("representative", owner).getResultList()) {
                    if (r.isAttached() && !owners.contains(r.pupil())) {
                        lines.add(line(r.pupil()));
                    }
                }
            }
        }
        mailer.queue(email, MailTemplate.IDENTIFIER_REMINDER, client.locale(), Map.of(
                "identifiers", String.join("\n", lines),
                "signInLink", settings.publicUrl() + "/login"));
        for (Account owner : owners) {
            audit.record(AuditEventType.IDENTIFIER_REMINDER_SENT, owner.id(), owner.identifier(), client.ip(),
                    client.userAgent(), null);
        }
    }

    /** "t.bernard1 – Théo Bernard – Lycée Camille Claudel": the establishment of a pupil's current enrollment. */
    private String line(Account account) {
        StringBuilder line = new StringBuilder("• ").append(account.identifier()).append(" – ")
                .append(account.firstName()).append(' ').append(account.lastName());
        if (account.profile() == Profile.PUPIL) {
            LocalDate today = LocalDate.now(clock);
            em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class).setParameter("pupil", account)
                    .getResultStream().filter(e -> e.isActiveOn(today)).findFirst()
                    .ifPresent(e -> line.append(" – ").append(e.establishment().name()));
        }
        return line.toString();
    }

    /**
     * The reminders mailed about this account in the last hour: a counter of its own (its own setting, not the reset
     * links'), counted in full by the database, so that other events of the account (failed sign-ins, reset requests
     * anyone can cause) cannot push the reminders out of sight.
     */
    private long recentReminders(Account account) {
        Instant since = clock.instant().minus(Duration.ofHours(1));
        return em.createQuery("select count(e) from AuditEvent e where e.accountId = :account and e.type = :type"
                        + " and e.detail is null and e.occurredAt >= :since", Long.class)
                .setParameter("account", account.id())
                .setParameter("type", AuditEventType.IDENTIFIER_REMINDER_SENT)
                .setParameter("since", since)
                .getSingleResult();
    }

    private List<Account> byIdentifier(String identifier) {
        return em.createNamedQuery(Account.BY_IDENTIFIER, Account.class).setParameter("identifier", identifier)
                .getResultList();
    }

    private List<Account> withVerifiedEmail(String email) {
        return em.createNamedQuery(Account.BY_RECOVERY_EMAIL, Account.class).setParameter("email", email)
                .getResultStream().filter(Account::hasVerifiedEmail).toList();
    }
}
