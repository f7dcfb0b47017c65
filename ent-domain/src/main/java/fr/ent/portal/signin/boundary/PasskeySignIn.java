package fr.ent.portal.signin.boundary;

import java.time.Clock;
import java.time.Instant;

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
import fr.ent.portal.mfa.boundary.Passkeys;
import fr.ent.portal.platform.Client;
import fr.ent.portal.signin.control.SignInGuards;

/**
 * Signing in with a passkey, without identifier or password (issue 24): the address rate first, then the answer
 * verified by {@link Passkeys} (its spent challenge stays spent whatever follows). The passkey is possession and user
 * verification at once: it counts as the second factor. No password hash: no admission slot is taken.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasskeySignIn {

    @PersistenceContext
    EntityManager em;

    @EJB
    Passkeys passkeys;

    @EJB
    SignInRecords records;

    @EJB
    AuditTrail audit;

    @Inject
    SignInProtection protection;

    @Inject
    Clock clock;

    public SignInResult verify(String responseJson, String deviceCookie, Client client) {
        Instant now = clock.instant();
        if (new SignInGuards(protection.ipRateLimiter(), protection.throttle()).ipRate(client.ip(), now).isPresent()) {
            audit.record(AuditEventType.SIGN_IN_FAILED, null, null, client.ip(), client.userAgent(), "passkey ip-rate-limited");
            return SignInResult.refused();
        }
        Passkeys.SignInCheck check = passkeys.verifySignIn(responseJson, client);
        if (!check.passed()) {
            return SignInResult.refused();
        }
        Account account = em.find(Account.class, check.accountId());
        if (account == null || account.status() == AccountStatus.DISABLED || account.hasBlockingPendingActions()) {
            audit.record(AuditEventType.SIGN_IN_FAILED, check.accountId(), account == null ? null : account.identifier(),
                    client.ip(), client.userAgent(), "passkey account-not-usable");
            return SignInResult.refused();
        }
        if (!records.signedIn(account.id(), now, null, account.identifier(), client.ip(), client.userAgent(), "passkey")) {
            audit.record(AuditEventType.SIGN_IN_SUCCEEDED, account.id(), account.identifier(), client.ip(),
                    client.userAgent(), "passkey");
        }
        String cookie = protection.deviceCookie().issue(deviceCookie, account.id(), now);
        return new SignInResult(SignInResult.Outcome.SIGNED_IN, account.id(), account.identifier(), account.profile(),
                SignIn.groupsOf(account), cookie);
    }
}
