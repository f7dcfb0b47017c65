package fr.ent.portal.signin.boundary;

import fr.ent.portal.mail.entity.EmailShape;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.boundary.EmailVerifications;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.account.entity.PendingAction;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.credential.control.PasswordPolicy;
import fr.ent.portal.credential.control.PersonalData;
import fr.ent.portal.credential.control.NewPassword;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The first connection: the steps an account owes before its session is granted (a new password
 * under the one policy, a recovery email, the charter). All are checked together and written in one
 * transaction; a recorded email gets a verification link by mail.
 */
@Stateless
public class FirstConnection {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    PasswordPolicy policy;

    @EJB
    EmailVerifications verifications;

    @EJB
    fr.ent.portal.account.boundary.CredentialChanges changes;

    @EJB
    AuditTrail audit;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** The steps this account still owes, for the page; empty when none (or the account is gone or disabled). */
    public Optional<Steps> steps(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (!owesSteps(account)) {
            return Optional.empty();
        }
        return Optional.of(new Steps(account.identifier(), account.firstName(), account.lastName(), account.profile(),
                account.pendingActions().contains(PendingAction.CHANGE_PASSWORD),
                account.pendingActions().contains(PendingAction.RECORD_EMAIL),
                emailRequired(account.profile()),
                account.pendingActions().contains(PendingAction.ACCEPT_CHARTER),
                account.pendingActions().contains(PendingAction.SHOW_NEW_IDENTIFIER)));
    }

    /** What the page shows: the person and the steps to do (a bean: pages read it through EL). */
    public static final class Steps implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final String identifier;
        private final String firstName;
        private final String lastName;
        private final Profile profile;
        private final boolean password;
        private final boolean email;
        private final boolean emailRequired;
        private final boolean charter;
        private final boolean newIdentifier;

        Steps(String identifier, String firstName, String lastName, Profile profile, boolean password, boolean email,
              boolean emailRequired, boolean charter, boolean newIdentifier) {
            this.newIdentifier = newIdentifier;
            this.identifier = identifier;
            this.firstName = firstName;
            this.lastName = lastName;
            this.profile = profile;
            this.password = password;
            this.email = email;
            this.emailRequired = emailRequired;
            this.charter = charter;
        }

        public String getIdentifier() { return identifier; }
        public String getFirstName() { return firstName; }
        public String getLastName() { return lastName; }
        public Profile getProfile() { return profile; }
        public boolean isPassword() { return password; }
        public boolean isEmail() { return email; }
        public boolean isEmailRequired() { return emailRequired; }
        public boolean isCharter() { return charter; }
        /** Signed in with the previous ENT's credentials: show the new identifier (to note). */
        public boolean isNewIdentifier() { return newIdentifier; }
    }

    /** Completes every step at once, or refuses field by field (nothing written). Returns the signed-in groups. */
    public SignInResult complete(long accountId, char[] password, char[] confirmation, String email,
                                 boolean charterAccepted, Client client) {
        try {
            Account account = pending(accountId);
            Instant now = clock.instant();
            Steps steps = steps(accountId).orElseThrow();
            // an address is taken only where the page asked for one: a post that adds the field anyway (the letter's
            // holder is not always its owner) must not replace a verified address without its owner's password
            String typedEmail = email == null || !steps.isEmail() ? "" : email.strip();
            List<FieldError> errors = new ArrayList<>();
            if (steps.isPassword()) {
                errors.addAll(NewPassword.errors(policy, password, confirmation,
                        new PersonalData(account.identifier(), account.firstName(), account.lastName())));
            }
            if (steps.isEmail()) {
                if (typedEmail.isEmpty() && steps.isEmailRequired()) {
                    errors.add(new FieldError("email", "first_connection.error.email_required"));
                } else if (!typedEmail.isEmpty() && !EmailShape.isValid(typedEmail)) {
                    errors.add(new FieldError("email", "account.recoveryEmail.invalid"));
                }
            }
            if (steps.isCharter() && !charterAccepted) {
                errors.add(new FieldError("charter", "first_connection.error.charter_required"));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            apply(account, steps, password, typedEmail, now);
            account.speaks(client.locale());
            if (steps.isPassword() || !typedEmail.isEmpty()) { // before the new verification link below
                changes.apply(account, fr.ent.portal.account.entity.CredentialChange.FIRST_CONNECTION, now, client);
            }
            audit.record(AuditEventType.FIRST_CONNECTION_COMPLETED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), null);
            if (steps.isPassword()) {
                audit.record(AuditEventType.PASSWORD_CHANGED, account.id(), account.identifier(), client.ip(),
                        client.userAgent(), "first-connection");
            }
            if (steps.isEmail() && !typedEmail.isEmpty()) {
                verifications.send(account, client);
            }
            return new SignInResult(SignInResult.Outcome.SIGNED_IN, account.id(), account.identifier(), account.profile(),
                    SignIn.groupsOf(account), null);
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }

    private void apply(Account account, Steps steps, char[] password, String email, Instant now) {
        String hash = steps.isPassword() ? hashing.hash(password.clone()) : null;
        if (account.status() == AccountStatus.PROVISIONAL) {
            account.completeFirstConnection(hash, email.isEmpty() ? null : email, now);
        } else {
            if (hash != null) {
                account.changePassword(hash);
            }
            if (!email.isEmpty()) {
                account.changeRecoveryEmail(email);
            }
            account.acceptCharter();
            account.recordSignIn(now);
        }
        if (steps.isEmail() && email.isEmpty()) {
            account.skipRecoveryEmail();
        }
        account.acknowledgeNewIdentifier();
    }

    private Account pending(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (!owesSteps(account)) {
            throw new BusinessException("first_connection.error.nothing_pending");
        }
        return account;
    }

    private static boolean owesSteps(Account account) {
        return account != null && account.status() != AccountStatus.DISABLED && account.hasBlockingPendingActions();
    }

    private boolean emailRequired(Profile profile) {
        return profile != Profile.PUPIL || settings.getBoolean(Setting.PUPIL_EMAIL_REQUIRED);
    }
}
