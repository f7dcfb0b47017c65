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
import fr.ent.portal.signin.control.DeviceLabel;
import fr.ent.portal.signin.entity.RememberedDevice;

/**
 * "Stay signed in on this device": a 256-bit token per remembered browser (only its SHA-256 stored), valid
 * {@code ent.remember.validity} from the moment it was remembered. The token does not rotate at each use: several
 * tabs of the same browser sign in with the same cookie without racing, and the owner forgets a device by its row.
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

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    SignInRecords records;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Remembers the browser of a sign-in that just succeeded; the token to put in its cookie. */
    public String remember(long accountId, Client client) {
        Account account = em.find(Account.class, accountId);
        String token = Tokens.newToken();
        Instant now = clock.instant();
        em.persist(new RememberedDevice(account, Tokens.hash(token), DeviceLabel.of(client.userAgent()), now,
                settings.getDuration(Setting.REMEMBER_VALIDITY)));
        audit.record(AuditEventType.REMEMBERED_DEVICE_ISSUED, accountId, account.identifier(), client.ip(),
                client.userAgent(), null);
        return token;
    }

    /**
     * Signs in with a device token: the account's sign-in (as after a password) when the device is valid, else
     * empty (forged, unknown, expired, forgotten, sessions ended, account disabled or with steps still owed), audited.
     */
    public Optional<SignInResult> signIn(String token, Client client) {
        Instant now = clock.instant();
        if (!Tokens.wellFormed(token)) {
            rejected(null, null, client, "forged");
            return Optional.empty();
        }
        // locked: tabs restored together bring the same cookie at once; they sign in one after the other (each reads
        // the account as the previous one left it) instead of failing on the account's or the device's version
        Optional<RememberedDevice> found = em.createNamedQuery(RememberedDevice.BY_TOKEN_HASH, RememberedDevice.class)
                .setParameter("tokenHash", Tokens.hash(token)).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            rejected(null, null, client, "unknown");
            return Optional.empty();
        }
        RememberedDevice device = found.get();
        Account account = device.account();
        RememberedDevice.State state = device.use(now);
        if (state != RememberedDevice.State.VALID) {
            rejected(account.id(), account.identifier(), client, state.name().toLowerCase(java.util.Locale.ROOT));
            return Optional.empty();
        }
        account.recordSignIn(now);
        // in this transaction: one connection and one commit per remembered sign-in (see AuditTrail#recordWithCaller)
        audit.recordWithCaller(AuditEventType.REMEMBERED_SIGN_IN, account.id(), account.identifier(), client.ip(),
                client.userAgent(), "device " + device.id());
        // the "recent sign-ins" of /account list SIGN_IN_SUCCEEDED events
        audit.recordWithCaller(AuditEventType.SIGN_IN_SUCCEEDED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), "remembered-device");
        return Optional.of(new SignInResult(SignInResult.Outcome.SIGNED_IN, account.id(), account.identifier(),
                account.profile(), SignIn.groupsOf(account), null));
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

    /** Forgets the device of this token (sign-out on that browser); nothing for an unknown token. */
    public void forgetToken(String token, Client client) {
        if (!Tokens.wellFormed(token)) {
            return;
        }
        em.createNamedQuery(RememberedDevice.BY_TOKEN_HASH, RememberedDevice.class)
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
