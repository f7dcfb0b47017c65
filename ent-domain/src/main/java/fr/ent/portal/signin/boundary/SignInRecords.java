package fr.ent.portal.signin.boundary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.DeviceLabel;

/** The short transactions around a sign-in: remembering it, and telling the owner of a held-back account. */
@Stateless
public class SignInRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    Mailer mailer;

    @EJB
    AuditTrail audit;

    @Inject
    Settings settings;

    /**
     * Remembers a successful sign-in (and, when the stored hash used older parameters, its new hash) together with its
     * audit event, in one transaction: the hot path's only commit. False when another sign-in of the same account
     * updated it at the same moment: this transaction then rolls back (its record is as good), nothing of it is kept,
     * and the caller records the audit event on its own.
     */
    public boolean signedIn(long accountId, Instant now, String newPasswordHash, String identifier, String ip,
                            String userAgent) {
        return signedIn(accountId, now, newPasswordHash, identifier, ip, userAgent, null);
    }

    /** As above, the audit event's detail saying how (the second factor: {@code totp}, {@code recovery-code}). */
    public boolean signedIn(long accountId, Instant now, String newPasswordHash, String identifier, String ip,
                            String userAgent, String how) {
        Account account = em.find(Account.class, accountId);
        try {
            if (account != null) {
                if (newPasswordHash != null) {
                    account.rehashPassword(newPasswordHash);
                }
                account.recordSignIn(now);
            }
            audit.recordWithCaller(AuditEventType.SIGN_IN_SUCCEEDED, accountId, identifier, ip, userAgent, how);
            em.flush();
            return true;
        } catch (OptimisticLockException concurrentSignIn) {
            return false;
        }
    }

    /**
     * Replaces the previous ENT's hash of the account by the Argon2id hash of the same password; false when another
     * sign-in did it at the same moment (or the account changed meanwhile).
     */
    public boolean legacyMigrated(long accountId, String newPasswordHash, boolean meetsPolicy) {
        Account account = em.find(Account.class, accountId);
        if (account == null || !account.hasLegacyCredential()) {
            return false;
        }
        try {
            account.migrateLegacyCredential(newPasswordHash, meetsPolicy);
            em.flush();
            return true;
        } catch (OptimisticLockException concurrentSignIn) {
            return false;
        }
    }

    /**
     * "Was it you?": mails the owner of an account that sign-in failures have just held back. The mail carries no text
     * the guesser chose: the address and a coarse browser and system name ({@link DeviceLabel}), never the raw
     * User-Agent; and it is written in the account's language ({@link Account#language}: the one they last used on the portal), not in the guesser's.
     */
    public void lockNotice(long accountId, Instant now, java.time.Duration hold, String ip, String userAgent) {
        Account account = em.find(Account.class, accountId);
        if (account == null || !account.hasVerifiedEmail()) {
            return;
        }
        ZoneId zone = settings.timeZone();
        String device = DeviceLabel.of(userAgent);
        mailer.queue(account.recoveryEmail(), MailTemplate.ACCOUNT_LOCKED_NOTICE, account.language(), Map.of(
                "firstName", account.firstName(),
                "time", DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(zone).format(now),
                "client", device.isEmpty() ? ip : ip + " – " + device,
                "lockMinutes", Math.max(1, hold.toMinutes()),
                "helpLink", settings.publicUrl() + "/help"));
    }
}
