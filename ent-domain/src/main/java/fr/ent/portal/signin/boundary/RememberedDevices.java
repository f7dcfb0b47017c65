package fr.ent.portal.signin.boundary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.credential.control.Tokens;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.DeviceLabel;
import fr.ent.portal.signin.entity.RememberedDevice;

/**
 * "Stay signed in on this device": a 256-bit token per remembered browser (only its SHA-256 stored), valid
 * {@code ent.remember.validity} from the moment it was remembered. The token <b>rotates at each use</b> (issue 20): the
 * sign-in gives the browser a new token and keeps the SHA-256 of the one it brought as the device's previous token. A
 * previous token that comes back later is a copy used elsewhere (a stolen cookie, or the owner's after the thief used
 * it first): the device is revoked and the reuse audited ({@code REMEMBERED_DEVICE_REUSED}), so that a stolen token
 * works at most until its owner's next visit, and then for nobody.
 * <p>
 * Tabs of one browser restored together bring the same token at once: they are serialised on the device's row (a
 * pessimistic lock); the first rotates, and the others, within {@link #ROTATION_GRACE} of that rotation and from a
 * browser of the same label, sign in with the previous token without rotating again and without a new cookie (the
 * browser keeps the first answer's). The grace is short and covers the immediately previous token only: a thief would
 * have to replay it within those seconds after the owner's own use, from the same kind of browser.
 * <p>
 * Signing in with it computes no password hash and passes no admission queue; every use and every refusal is audited.
 */
@Stateless
public class RememberedDevices {

    /** A remembered browser, as listed on /account. */
    public record Device(long id, String label, Instant createdAt, Instant lastUsedAt) implements java.io.Serializable {

        // getters for Jakarta EL 5 (no record accessors)
        public long getId() {
            return id;
        }

        public String getLabel() {
            return label;
        }

        public java.util.Date getCreatedDate() {
            return java.util.Date.from(createdAt);
        }

        public java.util.Date getLastUsedDate() {
            return java.util.Date.from(lastUsedAt);
        }
    }

    /** A remembered sign-in: the account's sign-in, and the browser's new token (null: keep the cookie it has). */
    public record RememberedSignIn(SignInResult result, String newToken, java.time.Duration cookieMaxAge) {

        /** For logs: never the token. */
        @Override
        public String toString() {
            return "RememberedSignIn[" + result.accountId() + (newToken == null ? " kept" : " rotated") + "]";
        }
    }

    /** How long after a rotation the token it replaced still signs in the same browser (tabs restored together). */
    public static final java.time.Duration ROTATION_GRACE = java.time.Duration.ofSeconds(10);

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    SignInRecords records;

    @EJB
    fr.ent.portal.mfa.boundary.SecondFactors factors;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Remembers the browser of a sign-in that just succeeded; the token to put in its cookie. */
    public String remember(long accountId, Client client) {
        return remember(accountId, client, false);
    }

    /**
     * As {@link #remember(long, Client)}; {@code factorGiven}: that sign-in passed a second factor, so the device may
     * sign in a profile that needs one for {@code ent.mfa.remembered-max} (issue 24).
     */
    public String remember(long accountId, Client client, boolean factorGiven) {
        Account account = em.find(Account.class, accountId);
        String token = Tokens.newToken();
        Instant now = clock.instant();
        RememberedDevice device = new RememberedDevice(account, Tokens.hash(token), DeviceLabel.of(client.userAgent()),
                now, settings.getDuration(Setting.REMEMBER_VALIDITY));
        if (factorGiven) {
            device.factorGiven(now);
        }
        em.persist(device);
        audit.record(AuditEventType.REMEMBERED_DEVICE_ISSUED, accountId, account.identifier(), client.ip(),
                client.userAgent(), null);
        return token;
    }

    /**
     * Signs in with a device token: the account's sign-in (as after a password) and the browser's new token when the
     * device is valid, else empty (forged, unknown, expired, forgotten, sessions ended, account disabled or with steps
     * still owed, or an old token used again: then the device is revoked), audited.
     */
    public Optional<RememberedSignIn> signIn(String token, Client client) {
        Instant now = clock.instant();
        if (!Tokens.wellFormed(token)) {
            rejected(null, null, client, "forged");
            return Optional.empty();
        }
        String presented = Tokens.hash(token);
        // locked: tabs restored together bring the same cookie at once; they sign in one after the other (each reads
        // the device and the account as the previous one left them) instead of failing on a version
        Optional<RememberedDevice> found = em.createNamedQuery(RememberedDevice.BY_CURRENT_OR_PREVIOUS_TOKEN_HASH,
                        RememberedDevice.class)
                .setParameter("tokenHash", presented).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            rejected(null, null, client, "unknown");
            return Optional.empty();
        }
        RememberedDevice device = found.get();
        Account account = device.account();
        boolean current = device.isCurrent(presented);
        if (!current && device.isPrevious(presented) && !graced(device, client, now)) {
            // the token this device had before its last use, back again: two browsers hold copies of it
            device.revoke(now);
            audit.recordWithCaller(AuditEventType.REMEMBERED_DEVICE_REUSED, account.id(), account.identifier(),
                    client.ip(), client.userAgent(), "device " + device.id() + " revoked");
            return Optional.empty();
        }
        RememberedDevice.State state = device.use(now);
        if (state != RememberedDevice.State.VALID) {
            rejected(account.id(), account.identifier(), client, state.name().toLowerCase(java.util.Locale.ROOT));
            return Optional.empty();
        }
        if (!factors.policy().rememberedDeviceSuffices(account.profile(), device.factorAt(), now)) {
            // a profile that needs a second factor: the device never stands in for it longer than remembered-max
            rejected(account.id(), account.identifier(), client, "factor-needed");
            return Optional.empty();
        }
        String newToken = null;
        if (current) {
            newToken = Tokens.newToken();
            device.rotate(Tokens.hash(newToken), now);
        }
        account.recordSignIn(now);
        account.speaks(client.locale());
        // in this transaction: one connection and one commit per remembered sign-in (see AuditTrail#recordWithCaller)
        audit.recordWithCaller(AuditEventType.REMEMBERED_SIGN_IN, account.id(), account.identifier(), client.ip(),
                client.userAgent(), "device " + device.id() + (current ? " rotated" : " previous-token-in-grace"));
        // the "recent sign-ins" of /account list SIGN_IN_SUCCEEDED events
        audit.recordWithCaller(AuditEventType.SIGN_IN_SUCCEEDED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), "remembered-device");
        SignInResult result = new SignInResult(SignInResult.Outcome.SIGNED_IN, account.id(), account.identifier(),
                account.profile(), SignIn.groupsOf(account), null);
        java.time.Duration left = java.time.Duration.between(now, device.expiresAt());
        return Optional.of(new RememberedSignIn(result, newToken, left.isNegative() ? java.time.Duration.ZERO : left));
    }

    /** The previous token within the grace after its rotation, from a browser of the same label. */
    private static boolean graced(RememberedDevice device, Client client, Instant now) {
        return device.previousStillGraced(now, ROTATION_GRACE)
                && device.labelledAs(DeviceLabel.of(client.userAgent()));
    }

    /** The account's remembered devices still able to sign in, most recently used first. */
    public List<Device> of(long accountId) {
        Instant now = clock.instant();
        return em.createNamedQuery(RememberedDevice.ACTIVE_OF_ACCOUNT, RememberedDevice.class)
                .setParameter("accountId", accountId).setParameter("now", now).getResultStream()
                .filter(d -> d.stateAt(now) == RememberedDevice.State.VALID)
                .map(d -> new Device(d.id(), d.label(), d.createdAt(), d.lastUsedAt()))
                .toList();
    }

    /** Forgets one device of the account (another account's id changes nothing). */
    public void forget(long accountId, long deviceId, Client client) {
        RememberedDevice device = em.find(RememberedDevice.class, deviceId);
        if (device == null || !device.account().id().equals(accountId)) {
            return;
        }
        device.revoke(clock.instant());
        audit.record(AuditEventType.REMEMBERED_DEVICE_FORGOTTEN, accountId, device.account().identifier(), client.ip(),
                client.userAgent(), "device " + deviceId);
    }

    /**
     * Forgets the device of this token (sign-out on that browser), its current token or the one just before (a tab
     * that signed in within the rotation's grace); nothing for an unknown token.
     */
    public void forgetToken(String token, Client client) {
        if (!Tokens.wellFormed(token)) {
            return;
        }
        em.createNamedQuery(RememberedDevice.BY_CURRENT_OR_PREVIOUS_TOKEN_HASH, RememberedDevice.class)
                .setParameter("tokenHash", Tokens.hash(token)).getResultStream().findFirst()
                .ifPresent(device -> forget(device.account().id(), device.id(), client));
    }

    /** Forgets every device of the account (also on sign out everywhere, a password change or reset). */
    public int forgetAll(long accountId, Client client, String why) {
        int revoked = revokeAll(accountId);
        if (revoked > 0) {
            Account account = em.find(Account.class, accountId);
            audit.record(AuditEventType.REMEMBERED_DEVICE_FORGOTTEN, accountId, account == null ? null : account.identifier(),
                    client == null ? null : client.ip(), client == null ? null : client.userAgent(), why + " " + revoked);
        }
        return revoked;
    }

    /** Revokes every device of the account in the caller's transaction, without an audit event of its own. */
    public int revokeAll(long accountId) {
        return em.createNamedQuery(RememberedDevice.REVOKE_ALL_OF_ACCOUNT).setParameter("accountId", accountId)
                .setParameter("now", clock.instant()).executeUpdate();
    }

    private void rejected(Long accountId, String identifier, Client client, String why) {
        audit.recordWithCaller(AuditEventType.REMEMBERED_DEVICE_REJECTED, accountId, identifier, client.ip(),
                client.userAgent(), why);
    }
}
