package fr.ent.portal.signin.boundary;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.admission.boundary.Admission;
import fr.ent.portal.admission.control.Priority;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.LegacyPasswords;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.credential.control.PasswordHashingBusyException;
import fr.ent.portal.credential.control.PasswordPolicy;
import fr.ent.portal.credential.control.PersonalData;
import fr.ent.portal.mfa.boundary.SecondFactors;
import fr.ent.portal.mfa.control.FactorPolicy;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.signin.control.DeviceCookie;
import fr.ent.portal.signin.control.SecretCheck;
import fr.ent.portal.signin.control.SignInGuards;
import fr.ent.portal.signin.control.SignInThrottle;

/**
 * Checks an identifier and a password or provisional code. Unknown, disabled and held-back accounts take
 * the same path as a wrong password (a dummy hash is computed for unknown identifiers), so neither the
 * answer nor its timing tells whether an account exists. The password hash is computed outside any
 * transaction; the few writes go through {@link SignInRecords}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignIn {

    /** Identifiers are at most this long; anything longer is compared as its first characters (and fails). */
    static final int MAX_IDENTIFIER = 64;

    /** The shape of every identifier the portal issues ({@code j.dupont10}). */
    static final java.util.regex.Pattern IDENTIFIER_SHAPE = java.util.regex.Pattern.compile("[a-z]\\.[a-z]+[0-9]+");

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    PasswordPolicy policy;

    @Inject
    SignInProtection protection;

    @Inject
    Admission admission;

    @EJB
    SignInRecords records;

    @EJB
    SecondFactors factors;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    public SignInResult verify(SignInAttempt attempt) {
        char[] secret = attempt.secret() == null ? new char[0] : attempt.secret();
        try {
            return verify(attempt, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** The guards, in order, then the one secret check, then what its outcome means (SignInGuards, SecretCheck). */
    private SignInResult verify(SignInAttempt attempt, char[] secret) {
        Instant now = clock.instant();
        String typed = identifierKey(attempt.identifier());
        String ip = attempt.clientIp();
        SignInGuards guards = new SignInGuards(protection.ipRateLimiter(), protection.throttle());
        Optional<SignInGuards.Refusal> refusal = SignInGuards.blank(typed, secret).or(() -> guards.ipRate(ip, now));
        if (refusal.isPresent()) {
            return refused(refusal.get(), null, typed, attempt);
        }
        Optional<Account> account = findAccount(typed);
        // one hold per account: its old login (while it holds the previous ENT's hash) and its new identifier count
        // toward the same record; an unknown identifier is held under what was typed
        String key = account.map(Account::identifier).orElse(typed);
        String deviceId = trustedDevice(account, attempt, key, now);
        SignInThrottle.Attempt counted = guards.count(key, deviceId, now);
        refusal = SignInGuards.held(counted);
        if (refusal.isPresent()) {
            return refused(refusal.get(), account.map(Account::id).orElse(null), typed, attempt);
        }
        Priority priority = admission.priorityOf(attempt.admitted(), account.map(Account::profile).orElse(null));
        SecretCheck.Outcome check;
        try {
            check = new SecretCheck(hashing).check(account.orElse(null), secret, now, priority);
        } catch (PasswordHashingBusyException busy) {
            protection.throttle().refund(key, deviceId, counted, now); // no secret was checked
            return SignInResult.busy();
        }
        return switch (check) {
            case PASSWORD_OK -> signedIn(account.orElseThrow(), attempt, key, deviceId, counted, now);
            case CODE_OK -> firstConnection(account.orElseThrow(), attempt, key, deviceId);
            case LEGACY_OK -> legacyMigrated(account.orElseThrow(), attempt, secret, key, deviceId);
            case CODE_EXPIRED -> {
                protection.throttle().refund(key, deviceId, counted, now); // the right code, only too old: no guess
                audit.record(AuditEventType.SIGN_IN_FAILED, account.orElseThrow().id(), typed, ip, attempt.userAgent(),
                        "provisional-code-expired");
                yield new SignInResult(SignInResult.Outcome.CODE_EXPIRED, null, null, null, Set.of(), null);
            }
            case WRONG -> failed(account, attempt, typed, key, deviceId, counted, now);
        };
    }

    private SignInResult refused(SignInGuards.Refusal refusal, Long accountId, String typed, SignInAttempt attempt) {
        if (refusal.audited()) {
            audit.record(AuditEventType.SIGN_IN_FAILED, accountId, typed, attempt.clientIp(), attempt.userAgent(),
                    refusal.auditReason());
        }
        return SignInResult.refused();
    }

    /** The id of the device cookie's device when it trusts this account; a forged or expired cookie is audited. */
    private String trustedDevice(Optional<Account> account, SignInAttempt attempt, String key, Instant now) {
        DeviceCookie.ReadResult device = protection.deviceCookie().inspect(attempt.deviceCookie(), now);
        if (device.status() == DeviceCookie.Status.INVALID) {
            audit.record(AuditEventType.DEVICE_COOKIE_REJECTED, account.map(Account::id).orElse(null), key,
                    attempt.clientIp(), attempt.userAgent(), "forged-or-expired");
        }
        return account.flatMap(a -> device.trusted().filter(t -> t.trusts(a.id())))
                .map(DeviceCookie.Trusted::deviceId).orElse(null);
    }

    private SignInResult signedIn(Account account, SignInAttempt attempt, String key, String deviceId,
                                  SignInThrottle.Attempt counted, Instant now) {
        if (account.hasBlockingPendingActions()) {
            return firstConnection(account, attempt, key, deviceId);
        }
        FactorPolicy.Next next = factors.policy().next(account.profile(), factors.enrolled(account.id()),
                () -> factors.hasPasskey(account.id()));
        if (next == FactorPolicy.Next.USE_PASSKEY) {
            protection.throttle().refund(key, deviceId, counted, now);
            audit.record(AuditEventType.SIGN_IN_FAILED, account.id(), key, attempt.clientIp(), attempt.userAgent(),
                    "passkey-needed");
            return new SignInResult(SignInResult.Outcome.PASSKEY_NEEDED, null, null, null, java.util.Set.of(), null);
        }
        if (next != FactorPolicy.Next.NONE) {
            // the password alone proves nothing yet: its count is given back, the second step's codes are counted
            protection.throttle().refund(key, deviceId, counted, now);
            return new SignInResult(next == FactorPolicy.Next.ASK_FACTOR ? SignInResult.Outcome.SECOND_FACTOR
                    : SignInResult.Outcome.ENROL_FACTOR, account.id(), account.identifier(), account.profile(),
                    groupsOf(account), null);
        }
        String rehash = hashing.needsRehash(account.passwordHash())
                ? hashing.hash(attempt.secret().clone(), Priority.ADMITTED) : null;
        protection.throttle().recordSuccess(key, deviceId);
        if (!records.signedIn(account.id(), now, rehash, key, attempt.clientIp(), attempt.userAgent())) {
            // another sign-in of the account wrote at the same moment and this record rolled back: the event stays
            audit.record(AuditEventType.SIGN_IN_SUCCEEDED, account.id(), key, attempt.clientIp(), attempt.userAgent(), null);
        }
        String cookie = protection.deviceCookie().issue(attempt.deviceCookie(), account.id(), now);
        return new SignInResult(SignInResult.Outcome.SIGNED_IN, account.id(), account.identifier(), account.profile(),
                groupsOf(account), cookie);
    }

    /**
     * The account by its identifier or, while it still holds the previous ENT's credential, by its old login. Junk
     * that cannot be either (control characters…) never reaches the database.
     */
    private Optional<Account> findAccount(String key) {
        if (IDENTIFIER_SHAPE.matcher(key).matches()) {
            Optional<Account> found = em.createNamedQuery(Account.BY_IDENTIFIER, Account.class)
                    .setParameter("identifier", key).getResultStream().findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        if (Account.LEGACY_IDENTIFIER_SHAPE.matcher(key).matches()) {
            return em.createNamedQuery(Account.BY_LEGACY_IDENTIFIER, Account.class)
                    .setParameter("legacyIdentifier", key).getResultStream().findFirst();
        }
        return Optional.empty();
    }

    /**
     * The previous ENT's password was right: it is hashed with Argon2id (the legacy hash is deleted), and the person
     * goes through the first-connection steps: see the new identifier, choose a new password if the old one breaks
     * the policy. Works once: afterwards only the Argon2id hash (and the new identifier) sign in.
     */
    private SignInResult legacyMigrated(Account account, SignInAttempt attempt, char[] secret, String key,
                                        String deviceId) {
        String format = LegacyPasswords.formatOf(account.legacyHash()).map(f -> f.name().toLowerCase(Locale.ROOT))
                .orElse("unknown");
        boolean meetsPolicy = policy.accepts(new String(secret),
                new PersonalData(account.identifier(), account.firstName(), account.lastName()));
        String hash = hashing.hash(secret.clone(), Priority.ADMITTED);
        if (!records.legacyMigrated(account.id(), hash, meetsPolicy)) {
            // changed meanwhile (the same sign-in sent twice, a code issued): this attempt proves nothing any more
            return SignInResult.refused();
        }
        audit.record(AuditEventType.LEGACY_CREDENTIAL_MIGRATED, account.id(), account.identifier(),
                attempt.clientIp(), attempt.userAgent(), format + (meetsPolicy ? "" : " weak-password"));
        return firstConnection(account, attempt, key, deviceId);
    }

    private SignInResult firstConnection(Account account, SignInAttempt attempt, String key, String deviceId) {
        protection.throttle().recordSuccess(key, deviceId);
        audit.record(AuditEventType.SIGN_IN_SUCCEEDED, account.id(), key, attempt.clientIp(), attempt.userAgent(),
                "first-connection-started");
        return new SignInResult(SignInResult.Outcome.FIRST_CONNECTION, account.id(), account.identifier(),
                account.profile(), Set.of(), null);
    }

    private SignInResult failed(Optional<Account> account, SignInAttempt attempt, String typed, String key,
                                String deviceId, SignInThrottle.Attempt counted, Instant now) {
        Long accountId = account.map(Account::id).orElse(null);
        SignInThrottle.FailureOutcome failure = protection.throttle().wrong(key, deviceId, counted, now);
        audit.record(AuditEventType.SIGN_IN_FAILED, accountId, typed, attempt.clientIp(), attempt.userAgent(),
                account.map(a -> a.status() == AccountStatus.DISABLED ? "disabled" : "wrong-secret").orElse("unknown-identifier"));
        if (failure.lockStarted()) {
            audit.record(AuditEventType.ACCOUNT_LOCKED, accountId, typed, attempt.clientIp(), attempt.userAgent(),
                    "held-until " + failure.heldUntil());
            // One "was it you?" mail per streak: when the first hold starts, not at every longer one.
            if (accountId != null && failure.consecutiveFailures() == settings.getInt(Setting.SIGNIN_LOCK_THRESHOLD)) {
                records.lockNotice(accountId, now, java.time.Duration.between(now, failure.heldUntil()), attempt.clientIp(),
                        attempt.userAgent());
            }
        }
        return SignInResult.refused();
    }

    /** The roles a signed-in account gets: its profile, and USER for every signed-in person. */
    public static Set<String> groupsOf(Account account) {
        return Set.of("USER", account.profile().name());
    }

    /** Identifiers compare lower-case and trimmed; junk is cut to a bounded key so it cannot grow memory. */
    static String identifierKey(String typed) {
        if (typed == null) {
            return "";
        }
        String key = typed.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_IDENTIFIER ? key.substring(0, MAX_IDENTIFIER) : key;
    }
}
