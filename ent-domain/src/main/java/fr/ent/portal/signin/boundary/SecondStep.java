package fr.ent.portal.signin.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.mfa.boundary.SecondFactors;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.signin.control.DeviceCookie;
import fr.ent.portal.signin.control.SignInThrottle;

/**
 * The second step of a sign-in whose password was right ({@link SignInResult.Outcome#SECOND_FACTOR} or
 * {@link SignInResult.Outcome#ENROL_FACTOR}): the code of the authenticator app or a recovery code, counted in the
 * same store of failures as the passwords ({@link SignInThrottle}: 20 wrong codes are held like 20 wrong passwords);
 * or, for a profile that needs a factor, its enrolment (or, within the grace period, "later"). Only a right answer
 * gives a {@link SignInResult} that signs in. No password hash here: no admission slot is taken.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecondStep {

    @PersistenceContext
    EntityManager em;

    @EJB
    SecondFactors factors;

    @EJB
    SignInRecords records;

    @EJB
    AuditTrail audit;

    @Inject
    SignInProtection protection;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /**
     * The typed code of the second step.
     *
     * @throws InvalidInputException on the field {@code code}: wrong, already used, or held after too many
     */
    public SignInResult verify(long accountId, String code, String deviceCookie, Client client) {
        Account account = activeAccount(accountId);
        Instant now = clock.instant();
        String deviceId = trustedDevice(account, deviceCookie, now);
        SignInThrottle.Attempt counted = protection.throttle().begin(account.identifier(), deviceId, now);
        if (!counted.allowed()) {
            audit.record(AuditEventType.MFA_FAILED, accountId, account.identifier(), client.ip(), client.userAgent(), "held");
            throw refusal("mfa.error.held");
        }
        SecondFactors.Check check = factors.check(accountId, code);
        if (!check.passed()) {
            failed(account, check, deviceId, counted, client, now);
        }
        protection.throttle().recordSuccess(account.identifier(), deviceId);
        if (check == SecondFactors.Check.RECOVERY_CODE) {
            audit.record(AuditEventType.MFA_RECOVERY_CODE_USED, accountId, account.identifier(), client.ip(),
                    client.userAgent(), "left " + factors.recoveryCodesLeft(accountId));
        }
        return signedIn(account, deviceCookie, client, now, check == SecondFactors.Check.TOTP ? "totp" : "recovery-code");
    }

    /**
     * The enrolment asked at sign-in (a profile that needs a factor): the first code of the new app confirms it; the
     * person is then signed in, and the recovery codes are given once.
     */
    public Enrolled enrol(long accountId, String code, String deviceCookie, Client client) {
        Account account = activeAccount(accountId);
        List<String> codes = factors.confirmTotp(accountId, code, client);
        return new Enrolled(signedIn(account, deviceCookie, client, clock.instant(), "totp-enrolled"), codes);
    }

    /** A sign-in completed by enrolling a factor, and the recovery codes to show once. */
    public record Enrolled(SignInResult result, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "Enrolled[" + result + "]";
        }
    }

    /** Whether enrolling may still be put off (the grace period, counted from the first sign-in that asked). */
    public boolean mayPutOff(long accountId) {
        return factors.policy().mayPutOff(factors.firstAsked(accountId), clock.instant());
    }

    /** "Later": within the grace period, the sign-in completes without a factor (audited). */
    public SignInResult putOff(long accountId, String deviceCookie, Client client) {
        Account account = activeAccount(accountId);
        if (!mayPutOff(accountId)) {
            throw new BusinessException("mfa.error.grace_over");
        }
        audit.record(AuditEventType.MFA_ENROLMENT_PUT_OFF, accountId, account.identifier(), client.ip(),
                client.userAgent(), null);
        return signedIn(account, deviceCookie, client, clock.instant(), "mfa-put-off");
    }

    private SignInResult signedIn(Account account, String deviceCookie, Client client, Instant now, String how) {
        if (!records.signedIn(account.id(), now, null, account.identifier(), client.ip(), client.userAgent(), how)) {
            audit.record(AuditEventType.SIGN_IN_SUCCEEDED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), how);
        }
        String cookie = protection.deviceCookie().issue(deviceCookie, account.id(), now);
        return new SignInResult(SignInResult.Outcome.SIGNED_IN, account.id(), account.identifier(), account.profile(),
                SignIn.groupsOf(account), cookie);
    }

    private void failed(Account account, SecondFactors.Check check, String deviceId, SignInThrottle.Attempt counted,
                        Client client, Instant now) {
        String reason = switch (check) {
            case REPLAYED -> "replayed-code";
            case RECOVERY_CODE_USED -> "recovery-code-used";
            default -> "wrong-code";
        };
        audit.record(AuditEventType.MFA_FAILED, account.id(), account.identifier(), client.ip(), client.userAgent(), reason);
        SignInThrottle.FailureOutcome failure = protection.throttle().wrong(account.identifier(), deviceId, counted, now);
        if (failure.lockStarted()) {
            audit.record(AuditEventType.ACCOUNT_LOCKED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), "held-until " + failure.heldUntil());
            if (failure.consecutiveFailures() == settings.getInt(Setting.SIGNIN_LOCK_THRESHOLD)) {
                records.lockNotice(account.id(), now, Duration.between(now, failure.heldUntil()), client.ip(),
                        client.userAgent());
            }
        }
        throw refusal(switch (check) {
            case REPLAYED -> "mfa.error.code_used";
            case RECOVERY_CODE_USED -> "mfa.error.recovery_code_used";
            default -> "mfa.error.code_wrong";
        });
    }

    private static InvalidInputException refusal(String key) {
        return new InvalidInputException(List.of(new InvalidInputException.FieldError(SecondFactors.CODE_FIELD, key)));
    }

    private Account activeAccount(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null || account.status() == AccountStatus.DISABLED) {
            throw new BusinessException("login.error.failed");
        }
        return account;
    }

    private String trustedDevice(Account account, String deviceCookie, Instant now) {
        return protection.deviceCookie().inspect(deviceCookie, now).trusted()
                .filter(t -> t.trusts(account.id())).map(DeviceCookie.Trusted::deviceId).orElse(null);
    }
}
