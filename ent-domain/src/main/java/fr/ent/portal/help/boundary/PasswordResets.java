package fr.ent.portal.help.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.boundary.CredentialChanges;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.PasswordReset;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.credential.control.PasswordPolicy;
import fr.ent.portal.credential.control.PersonalData;
import fr.ent.portal.credential.control.NewPassword;
import fr.ent.portal.credential.control.Tokens;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.persistence.VersionCheck;

/**
 * Choosing a new password through a link mailed to a verified recovery email: a 256-bit token (only its SHA-256
 * stored), single use, valid {@code ent.password-reset.validity}; a new link or a new password voids the older
 * links. Success signs the account out of every session and mails a confirmation.
 */
@Stateless
public class PasswordResets {

    @jakarta.ejb.EJB
    fr.ent.portal.signin.boundary.RememberedDevices devices;

    /** What the /reset page may show: whether the link works, and for whom (for the live password checklist). */
    public static final class Link implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String state;
        private final String identifier;
        private final String firstName;
        private final String lastName;

        Link(String state, Account account) {
            this.state = state;
            boolean valid = PasswordReset.State.VALID.name().equals(state);
            this.identifier = valid ? account.identifier() : "";
            this.firstName = valid ? account.firstName() : "";
            this.lastName = valid ? account.lastName() : "";
        }

        /** VALID, EXPIRED, ALREADY_USED, ACCOUNT_DISABLED or INVALID (forged, unknown, malformed). */
        public String getState() { return state; }
        public boolean isValid() { return PasswordReset.State.VALID.name().equals(state); }
        public String getIdentifier() { return identifier; }
        public String getFirstName() { return firstName; }
        public String getLastName() { return lastName; }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @EJB
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHashing hashing;

    @Inject
    fr.ent.portal.signin.boundary.SignInProtection protection;

    @EJB
    CredentialChanges changes;

    /**
     * Mails a new reset link to the account's verified recovery email, voiding the older ones; does nothing
     * (but audit) once the account got {@code ent.password-reset.max-per-hour} links within the last hour.
     *
     * @return whether a link was mailed
     */
    public boolean issue(Account account, Client client) {
        Instant now = clock.instant();
        long recent = em.createNamedQuery(PasswordReset.COUNT_SINCE, Long.class).setParameter("account", account)
                .setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        if (recent >= settings.getInt(Setting.PASSWORD_RESET_MAX_PER_HOUR)) {
            audit.record(AuditEventType.PASSWORD_RESET_LIMITED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), recent + " links in the last hour");
            return false;
        }
        Duration validity = settings.getDuration(Setting.PASSWORD_RESET_VALIDITY);
        em.createNamedQuery(PasswordReset.VOID_OPEN_OF_ACCOUNT).setParameter("account", account)
                .setParameter("now", now).executeUpdate();
        String token = Tokens.newToken();
        em.persist(new PasswordReset(account, Tokens.hash(token), now, validity));
        mailer.queue(account.recoveryEmail(), MailTemplate.PASSWORD_RESET, client.locale(), Map.of(
                "firstName", account.firstName(),
                "link", settings.publicUrl() + "/reset?token=" + token,
                "validMinutes", validity.toMinutes()));
        audit.record(AuditEventType.PASSWORD_RESET_SENT, account.id(), account.identifier(), client.ip(),
                client.userAgent(), null);
        return true;
    }

    /** What a link from a mail is worth, without spending it. Refused links are audited. */
    public Link check(String token, Client client) {
        PasswordReset reset = find(token, client);
        if (reset == null) {
            return new Link("INVALID", null);
        }
        PasswordReset.State state = reset.stateAt(clock.instant());
        if (state != PasswordReset.State.VALID) {
            rejected(reset.account(), client, state.name());
        }
        return new Link(state.name(), reset.account());
    }

    /**
     * Sets the new password chosen through the link: the one policy, the confirmation, then the link is spent,
     * older links voided, every session ended, and a confirmation mailed.
     *
     * @throws InvalidInputException field by field (nothing written, the link still works)
     * @throws BusinessException     {@code reset.text.<STATE>} (the text that explains it) when the link no longer works
     */
    public void reset(String token, char[] password, char[] confirmation, Client client) {
        try {
            PasswordReset reset = find(token, client);
            if (reset == null) {
                throw new BusinessException("reset.text.INVALID");
            }
            Instant now = clock.instant();
            Account account = reset.account();
            PasswordReset.State state = reset.stateAt(now);
            if (state != PasswordReset.State.VALID) {
                rejected(account, client, state.name());
                throw new BusinessException("reset.text." + state.name());
            }
            List<FieldError> errors = NewPassword.errors(policy, password, confirmation,
                    new PersonalData(account.identifier(), account.firstName(), account.lastName()));
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            reset.use(hashing.hash(password.clone()), now);
            VersionCheck.flush(em, "reset.text.ALREADY_USED"); // the same link used twice at once: one wins
            account.speaks(client.locale());
            devices.forgetAll(account.id(), client, "password-reset");
            protection.throttle().reset(account.identifier()); // the owner proved it: past failures no longer hold it back
            changes.apply(account, fr.ent.portal.account.entity.CredentialChange.PASSWORD_RESET, now, client);
            if (account.hasVerifiedEmail()) {
                mailer.queue(account.recoveryEmail(), MailTemplate.PASSWORD_CHANGED_NOTICE, client.locale(), Map.of(
                        "firstName", account.firstName(),
                        "time", DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                                .withZone(settings.timeZone()).format(now),
                        "helpLink", settings.publicUrl() + "/help"));
            }
            audit.record(AuditEventType.PASSWORD_RESET_COMPLETED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), null);
            audit.record(AuditEventType.PASSWORD_CHANGED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), "reset-link");
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    private PasswordReset find(String token, Client client) {
        if (!Tokens.wellFormed(token)) {
            audit.record(AuditEventType.PASSWORD_RESET_REJECTED, null, null, client.ip(), client.userAgent(), "malformed");
            return null;
        }
        PasswordReset reset = em.createNamedQuery(PasswordReset.BY_TOKEN_HASH, PasswordReset.class)
                .setParameter("tokenHash", Tokens.hash(token)).getResultStream().findFirst().orElse(null);
        if (reset == null) {
            audit.record(AuditEventType.PASSWORD_RESET_REJECTED, null, null, client.ip(), client.userAgent(), "unknown");
        }
        return reset;
    }

    private void rejected(Account account, Client client, String why) {
        audit.record(AuditEventType.PASSWORD_RESET_REJECTED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), why.toLowerCase(Locale.ROOT));
    }
}
