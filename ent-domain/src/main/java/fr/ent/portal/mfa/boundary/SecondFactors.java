package fr.ent.portal.mfa.boundary;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.mfa.control.Base32;
import fr.ent.portal.mfa.control.QrSvg;
import fr.ent.portal.mfa.control.FactorPolicy;
import fr.ent.portal.mfa.control.RecoveryCodes;
import fr.ent.portal.mfa.control.SecretSealing;
import fr.ent.portal.mfa.control.Totp;
import fr.ent.portal.mfa.entity.FactorRequest;
import fr.ent.portal.mfa.entity.RecoveryCode;
import fr.ent.portal.mfa.entity.TotpFactor;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * An account's second factors: the authenticator app (TOTP) enrolled from /account, its recovery codes, the check of
 * the second sign-in step, and the reset after a lost phone. Secrets never leave this class but as the enrolment's
 * QR code and text, shown once to their owner; recovery codes only at their issue.
 */
@Stateless
public class SecondFactors {

    /** The form field of the typed code, for the field message. */
    public static final String CODE_FIELD = "code";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What an account has: shown on /account and /admin/account (never a secret). */
    public record Status(boolean totp, boolean totpPending, long recoveryCodesLeft, int passkeys)
            implements java.io.Serializable {
        public boolean any() {
            return totp || passkeys > 0;
        }
    }

    /** What the enrolment page shows: the secret as text (grouped by four), its otpauth address and QR code. */
    public record TotpEnrolment(String secretText, String keyUri, String qrCodeDataUri) {
        @Override
        public String toString() {
            return "TotpEnrolment[…]"; // never in a log
        }
    }

    /** The answer of the second step. */
    public enum Check {
        TOTP, RECOVERY_CODE, WRONG, REPLAYED, RECOVERY_CODE_USED;

        public boolean passed() {
            return this == TOTP || this == RECOVERY_CODE;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @EJB
    AuditTrail audit;

    @Inject
    FactorPolicies policies;

    @EJB
    Passkeys passkeys;

    public Status status(long accountId) {
        Optional<TotpFactor> totp = totpOf(accountId);
        long left = em.createNamedQuery(RecoveryCode.LEFT, Long.class).setParameter("accountId", accountId)
                .getSingleResult();
        return new Status(totp.map(TotpFactor::confirmed).orElse(false),
                totp.map(f -> !f.confirmed()).orElse(false), left, passkeys.of(accountId).size());
    }

    /** Whether the account has a confirmed second factor (the sign-in then asks it): a read, no transaction. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public boolean enrolled(long accountId) {
        return totpOf(accountId).map(TotpFactor::confirmed).orElse(false);
    }

    /**
     * Whether the account has a passkey it can sign in with (a second factor too; none while passkeys are turned off):
     * a read, no transaction.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public boolean hasPasskey(long accountId) {
        return settings.getBoolean(fr.ent.portal.platform.config.Setting.PASSKEY_ENABLED) && !passkeys.of(accountId).isEmpty();
    }

    /** The policy read from the settings. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public FactorPolicy policy() {
        return policies.current();
    }

    /** A new pending authenticator app with a fresh secret (any pending one is replaced). */
    public TotpEnrolment startTotp(long accountId) {
        Account account = account(accountId);
        Optional<TotpFactor> existing = totpOf(accountId);
        if (existing.map(TotpFactor::confirmed).orElse(false)) {
            throw new BusinessException("mfa.error.already_enrolled");
        }
        existing.ifPresent(f -> {
            em.remove(f);
            em.flush();
        });
        byte[] secret = Totp.newSecret(RANDOM);
        em.persist(new TotpFactor(account, sealing().seal(accountId, secret), clock.instant()));
        return enrolment(account, secret);
    }

    /** The pending enrolment's QR code and text again (the page shown once more), or empty. */
    public Optional<TotpEnrolment> pendingTotp(long accountId) {
        return totpOf(accountId).filter(f -> !f.confirmed())
                .map(f -> enrolment(account(accountId), sealing().open(accountId, f.sealedSecret())));
    }

    /**
     * The first code typed from the app: the factor counts from now on, and ten recovery codes are issued (returned
     * once, for the page to show).
     *
     * @throws InvalidInputException on the field {@link #CODE_FIELD} for a wrong code
     */
    public List<String> confirmTotp(long accountId, String code, Client client) {
        TotpFactor factor = totpOf(accountId).filter(f -> !f.confirmed())
                .orElseThrow(() -> new BusinessException("mfa.error.no_enrolment"));
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(sealing().open(accountId, factor.sealedSecret()), code, now, null);
        if (step.isEmpty()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldError(CODE_FIELD, "mfa.error.code_wrong")));
        }
        factor.confirm(step.getAsLong(), now);
        Account account = account(accountId);
        audit.recordWithCaller(AuditEventType.MFA_ENROLLED, accountId, account.identifier(), client.ip(),
                client.userAgent(), "totp");
        return issueRecoveryCodes(account, client, "enrolment");
    }

    /** Ten new recovery codes; the previous ones stop working. */
    public List<String> regenerateRecoveryCodes(long accountId, Client client) {
        if (!enrolled(accountId)) {
            throw new BusinessException("mfa.error.no_factor");
        }
        return issueRecoveryCodes(account(accountId), client, "regenerated");
    }

    /** The owner removes their authenticator app (and its recovery codes). Refused when their profile needs one. */
    public void removeTotp(long accountId, Client client) {
        Account account = account(accountId);
        if (policy().required(account.profile())) {
            throw new BusinessException("mfa.error.required");
        }
        removeAll(accountId);
        audit.recordWithCaller(AuditEventType.MFA_REMOVED, accountId, account.identifier(), client.ip(),
                client.userAgent(), "totp");
    }

    /**
     * The second step: a code of the app (each step once) or a recovery code (each once). Spending is one guarded
     * update, so that the same code sent twice at once works once, on any node.
     */
    public Check check(long accountId, String typed) {
        Instant now = clock.instant();
        if (RecoveryCodes.looksLikeOne(typed)) {
            String hash = RecoveryCodes.hash(typed);
            int spent = em.createNamedQuery(RecoveryCode.SPEND).setParameter("now", now)
                    .setParameter("accountId", accountId).setParameter("codeHash", hash).executeUpdate();
            if (spent == 1) {
                return Check.RECOVERY_CODE;
            }
            long used = em.createNamedQuery(RecoveryCode.USED, Long.class).setParameter("accountId", accountId)
                    .setParameter("codeHash", hash).getSingleResult();
            return used > 0 ? Check.RECOVERY_CODE_USED : Check.WRONG;
        }
        Optional<TotpFactor> factor = totpOf(accountId).filter(TotpFactor::confirmed);
        if (factor.isEmpty()) {
            return Check.WRONG;
        }
        byte[] secret = sealing().open(accountId, factor.get().sealedSecret());
        OptionalLong step = Totp.matchingStep(secret, typed, now, factor.get().lastUsedStep());
        if (step.isEmpty()) {
            // right but already spent (or older than the last one spent): a replay, told apart for the audit
            return Totp.matchingStep(secret, typed, now, null).isPresent() ? Check.REPLAYED : Check.WRONG;
        }
        int updated = em.createNamedQuery(TotpFactor.USE_STEP).setParameter("step", step.getAsLong())
                .setParameter("now", now).setParameter("id", factor.get().id()).executeUpdate();
        return updated == 1 ? Check.TOTP : Check.REPLAYED;
    }

    /** Recovery codes not yet used. */
    public long recoveryCodesLeft(long accountId) {
        return status(accountId).recoveryCodesLeft();
    }

    /**
     * When the account was first asked to enrol a required factor (recorded now if never): the grace period counts
     * from there.
     */
    public Instant firstAsked(long accountId) {
        FactorRequest asked = em.find(FactorRequest.class, accountId);
        if (asked == null) {
            asked = new FactorRequest(accountId, clock.instant());
            em.persist(asked);
        }
        return asked.askedAt();
    }

    /**
     * Every second factor of the account removed (a lost phone): the authenticator app, the recovery codes, the passkeys, and the
     * start of the grace period (a required factor is asked again at the next sign-in). The caller checks the scope and
     * audits.
     */
    public void reset(long accountId) {
        removeAll(accountId);
        passkeys.removeAll(accountId);
        FactorRequest asked = em.find(FactorRequest.class, accountId);
        if (asked != null) {
            em.remove(asked);
        }
    }

    private void removeAll(long accountId) {
        em.createNamedQuery(RecoveryCode.DELETE_OF_ACCOUNT).setParameter("accountId", accountId).executeUpdate();
        em.createNamedQuery(TotpFactor.DELETE_OF_ACCOUNT).setParameter("accountId", accountId).executeUpdate();
    }

    private List<String> issueRecoveryCodes(Account account, Client client, String why) {
        em.createNamedQuery(RecoveryCode.DELETE_OF_ACCOUNT).setParameter("accountId", account.id()).executeUpdate();
        List<String> codes = RecoveryCodes.generate(RANDOM);
        Instant now = clock.instant();
        codes.forEach(code -> em.persist(new RecoveryCode(account, RecoveryCodes.hash(code), now)));
        audit.recordWithCaller(AuditEventType.MFA_RECOVERY_CODES_ISSUED, account.id(), account.identifier(),
                client.ip(), client.userAgent(), why);
        return codes;
    }

    private TotpEnrolment enrolment(Account account, byte[] secret) {
        String uri = Totp.keyUri(issuer(), account.identifier(), secret);
        return new TotpEnrolment(Base32.grouped(Base32.encode(secret)), uri, QrSvg.dataUri(uri));
    }

    /** The name the app shows above the codes: the portal's host name. */
    private String issuer() {
        try {
            String host = URI.create(settings.get(Setting.PUBLIC_URL)).getHost();
            return host == null ? "ENT" : "ENT " + host;
        } catch (IllegalArgumentException notAnAddress) {
            return "ENT";
        }
    }

    private Optional<TotpFactor> totpOf(long accountId) {
        return em.createNamedQuery(TotpFactor.OF_ACCOUNT, TotpFactor.class).setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    private Account account(long accountId) {
        return NotFoundException.requireFound(em.find(Account.class, accountId));
    }

    private SecretSealing sealing() {
        return new SecretSealing(signingKeys.key(SecretSealing.PURPOSE));
    }
}
