package fr.ent.portal.account.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.EmailVerification;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.Tokens;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * Proving a recovery email: a single-use link (256-bit token, only its SHA-256 stored) mailed through
 * the outbox in the same transaction; a new link voids the older ones.
 */
@Stateless
public class EmailVerifications {

    public enum Result { VERIFIED, EXPIRED, ALREADY_USED, INVALID }

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

    /** Mails a verification link to the account's (new) recovery email. */
    public void send(Account account, Client client) {
        Instant now = clock.instant();
        Duration validity = settings.getDuration(Setting.EMAIL_VERIFICATION_VALIDITY);
        em.createNamedQuery(EmailVerification.VOID_OPEN_OF_ACCOUNT)
                .setParameter("account", account).setParameter("now", now).executeUpdate();
        String token = Tokens.newToken();
        em.persist(new EmailVerification(account, Tokens.hash(token), now, validity));
        mailer.queue(account.recoveryEmail(), MailTemplate.EMAIL_VERIFICATION, client.locale(), Map.of(
                "firstName", account.firstName(),
                "link", settings.publicUrl() + "/verify-email?token=" + token,
                "validHours", validity.toHours()));
        audit.record(AuditEventType.EMAIL_VERIFICATION_SENT, account.id(), account.identifier(), client.ip(),
                client.userAgent(), null);
    }

    /** Uses a link from a mail. Forged, reused and expired links are refused (and audited), never explained in detail. */
    public Result verify(String token, Client client) {
        if (!Tokens.wellFormed(token)) {
            audit.record(AuditEventType.EMAIL_VERIFICATION_REJECTED, null, null, client.ip(), client.userAgent(), "malformed");
            return Result.INVALID;
        }
        EmailVerification verification = em.createNamedQuery(EmailVerification.BY_TOKEN_HASH, EmailVerification.class)
                .setParameter("tokenHash", Tokens.hash(token)).getResultStream().findFirst().orElse(null);
        if (verification == null) {
            audit.record(AuditEventType.EMAIL_VERIFICATION_REJECTED, null, null, client.ip(), client.userAgent(), "unknown");
            return Result.INVALID;
        }
        Account account = verification.account();
        EmailVerification.Outcome outcome = verification.use(clock.instant());
        if (outcome == EmailVerification.Outcome.VERIFIED) {
            audit.record(AuditEventType.EMAIL_VERIFIED, account.id(), account.identifier(), client.ip(), client.userAgent(), null);
            return Result.VERIFIED;
        }
        audit.record(AuditEventType.EMAIL_VERIFICATION_REJECTED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), outcome.name().toLowerCase(java.util.Locale.ROOT));
        return switch (outcome) {
            case EXPIRED -> Result.EXPIRED;
            case ALREADY_USED -> Result.ALREADY_USED;
            default -> Result.INVALID;
        };
    }
}
