package fr.ent.portal.myaccount.boundary;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.boundary.CredentialChanges;
import fr.ent.portal.account.boundary.EmailVerifications;
import fr.ent.portal.account.boundary.RecentSignIn;
import fr.ent.portal.account.control.Reauthentication;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.CredentialChange;
import fr.ent.portal.account.entity.EmailVerification;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEvent;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.credential.control.PasswordPolicy;
import fr.ent.portal.credential.control.PersonalData;
import fr.ent.portal.credential.control.NewPassword;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.EmailShape;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.signin.boundary.RememberedDevices;
import fr.ent.portal.signin.boundary.SignInProtection;
import fr.ent.portal.signin.control.SignInThrottle;

/**
 * "My account": the signed-in person changes their password (knowing the current one, under the one policy; the
 * other sessions end) and their recovery email (the current password again unless it was typed less than
 * {@code ent.account.reauthentication-window} ago; at most {@code ent.account.email-change.max-per-hour} links an
 * hour; a link to the new address, a notice to the old one), sees their recent sign-ins and ends all their sessions.
 * A wrong current password counts toward the identifier's sign-in hold, as a failed sign-in does; while the identifier
 * is held, no current password is checked here either. Each change goes through {@link CredentialChanges}.
 */
@Stateless
public class MyAccount {

    /** How many sign-ins the page lists. */
    static final int RECENT_SIGN_INS = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    PasswordPolicy policy;

    @Inject
    Mailer mailer;

    @EJB
    EmailVerifications verifications;

    @EJB
    RememberedDevices devices;

    @EJB
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    SignInProtection protection;

    @EJB
    CredentialChanges changes;

    public AccountSummary summary(long accountId) {
        Account account = account(accountId);
        return new AccountSummary(account.identifier(), account.firstName(), account.lastName(),
                account.recoveryEmail(), account.hasVerifiedEmail());
    }

    /**
     * Changes the password, or refuses field by field (fields current, password, confirmation); nothing written then.
     * The account's other sessions end: the caller keeps its own by stamping it after the instant returned.
     *
     * @return the instant before which the account's sessions are now void
     */
    public Instant changePassword(long accountId, char[] current, char[] password, char[] confirmation, Client client) {
        try {
            Account account = account(accountId);
            requireCurrentPassword(account, current, AuditEventType.PASSWORD_CHANGE_REFUSED, client);
            List<FieldError> errors = NewPassword.errors(policy, password, confirmation,
                    new PersonalData(account.identifier(), account.firstName(), account.lastName()));
            if (!errors.isEmpty()) {
                audit(AuditEventType.PASSWORD_CHANGE_REFUSED, account, client, "policy");
                throw new InvalidInputException(errors);
            }
            account.changePassword(hashing.hash(password.clone()));
            account.speaks(client.locale());
            Instant sessionsValidAfter = changes.apply(account, CredentialChange.PASSWORD_CHANGED_BY_OWNER,
                    clock.instant(), client);
            devices.forgetAll(account.id(), client, "password-changed");
            if (account.hasVerifiedEmail()) {
                mailer.queue(account.recoveryEmail(), MailTemplate.PASSWORD_CHANGED_NOTICE, client.locale(), Map.of(
                        "firstName", account.firstName(), "time", clock.instant(), "helpLink", helpLink()));
            }
            audit(AuditEventType.PASSWORD_CHANGED, account, client, "account-page");
            return sessionsValidAfter;
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(password, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    /**
     * Records a new recovery email: a verification link goes to it, a notice to the old address (if any). Refused
     * field by field (email, current), nothing written then: past the hourly limit of links, or without the right
     * current password when the session's password was not typed within the re-authentication window.
     *
     * @param current         the current password typed with the change (may be empty within the window)
     * @param passwordTypedAt when this session's holder typed their password (null: a remembered device)
     */
    public void changeRecoveryEmail(long accountId, String email, char[] current, Instant passwordTypedAt,
                                    Client client) {
        try {
            changeRecoveryEmailChecked(accountId, email, current, passwordTypedAt, client);
        } finally {
            Arrays.fill(current, '\0');
        }
    }

    private void changeRecoveryEmailChecked(long accountId, String email, char[] current, Instant passwordTypedAt,
                                            Client client) {
        Account account = account(accountId);
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("email", "account.recoveryEmail.required")));
        }
        if (!EmailShape.isValid(typed)) {
            throw new InvalidInputException(List.of(new FieldError("email", "account.recoveryEmail.invalid")));
        }
        String old = account.recoveryEmail();
        if (typed.equalsIgnoreCase(old) && account.hasVerifiedEmail()) {
            throw new InvalidInputException(List.of(new FieldError("email", "account_page.error.email_unchanged")));
        }
        Instant now = clock.instant();
        int max = settings.getInt(Setting.EMAIL_CHANGE_MAX_PER_HOUR);
        long recent = em.createNamedQuery(EmailVerification.COUNT_SINCE, Long.class).setParameter("account", account)
                .setParameter("since", now.minus(java.time.Duration.ofHours(1))).getSingleResult();
        if (recent >= max) {
            audit(AuditEventType.RECOVERY_EMAIL_CHANGE_REFUSED, account, client, "limited " + recent + " links in the last hour");
            throw new InvalidInputException(List.of(new FieldError("email", "account_page.error.email_rate_limited",
                    List.of(max))));
        }
        if (!Reauthentication.recentEnough(passwordTypedAt, now, settings.getDuration(Setting.REAUTHENTICATION_WINDOW))) {
            requireCurrentPassword(account, current, AuditEventType.RECOVERY_EMAIL_CHANGE_REFUSED, client);
        }
        account.changeRecoveryEmail(typed);
        account.speaks(client.locale());
        changes.apply(account, CredentialChange.EMAIL_CHANGED, now, client);
        verifications.send(account, client);
        if (old != null && !old.equals(account.recoveryEmail())) {
            mailer.queue(old, MailTemplate.EMAIL_CHANGED_NOTICE, client.locale(), Map.of(
                    "firstName", account.firstName(), "time", clock.instant(),
                    "newEmail", masked(account.recoveryEmail()), "helpLink", helpLink()));
        }
        audit(AuditEventType.RECOVERY_EMAIL_CHANGED, account, client, null);
    }

    /**
     * The current password of field {@code current}, checked under the identifier's sign-in hold: refused without a
     * check while the identifier is held; a wrong one counts as a failed sign-in of the identifier (and may start
     * its hold, audited {@code ACCOUNT_LOCKED}). Refusals are audited as {@code refused} with the reason.
     */
    private void requireCurrentPassword(Account account, char[] current, AuditEventType refused, Client client) {
        if (current == null || current.length == 0) {
            audit(refused, account, client, "no_current");
            throw new InvalidInputException(List.of(new FieldError("current", "account_page.error.current_required")));
        }
        Instant now = clock.instant();
        String key = account.identifier();
        SignInThrottle throttle = protection.throttle();
        if (!throttle.check(key, null, now).allowed()) {
            audit(refused, account, client, "held");
            throw new InvalidInputException(List.of(new FieldError("current", "account_page.error.held")));
        }
        if (account.passwordHash() == null || !hashing.verify(account.passwordHash(), current.clone())) {
            SignInThrottle.FailureOutcome failure = throttle.recordFailure(key, null, now);
            audit(refused, account, client, "bad_current");
            if (failure.lockStarted()) {
                audit(AuditEventType.ACCOUNT_LOCKED, account, client, "account-page held-until " + failure.heldUntil());
            }
            throw new InvalidInputException(List.of(new FieldError("current", "account_page.error.current_wrong")));
        }
    }

    /** The latest successful sign-ins, newest first. */
    public List<RecentSignIn> recentSignIns(long accountId) {
        return audit.recentForAccount(accountId, 100).stream()
                .filter(e -> e.type() == AuditEventType.SIGN_IN_SUCCEEDED)
                .limit(RECENT_SIGN_INS)
                .map(MyAccount::row)
                .toList();
    }

    /** Ends every session of the account, this one included (checked on each request). */
    public void signOutEverywhere(long accountId, Client client) {
        Account account = account(accountId);
        account.endAllSessions(clock.instant());
        devices.forgetAll(account.id(), client, "signed-out-everywhere");
        audit(AuditEventType.SIGNED_OUT_EVERYWHERE, account, client, null);
    }

    /** True when a session of this account started at {@code signedInAt} may go on. */
    public boolean sessionValid(long accountId, Instant signedInAt) {
        Account account = em.find(Account.class, accountId);
        return account != null && account.isSessionValid(signedInAt);
    }

    /** {@code c.durand@example.org} → {@code c•••@example.org}. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "•••" : email.charAt(0) + "•••" + email.substring(at);
    }

    private static RecentSignIn row(AuditEvent event) {
        return new RecentSignIn(event.occurredAt(), event.userAgent(), event.clientIp());
    }

    private String helpLink() {
        return settings.publicUrl() + "/help";
    }

    private void audit(AuditEventType type, Account account, Client client, String detail) {
        audit.record(type, account.id(), account.identifier(), client.ip(), client.userAgent(), detail);
    }

    private Account account(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new BusinessException("account.notFound");
        }
        return account;
    }
}
