package fr.ent.portal.mfa.boundary;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.keys.boundary.SigningKeys;
import fr.ent.portal.keys.control.MasterKey;
import fr.ent.portal.mfa.control.PasskeyCeremony;
import fr.ent.portal.mfa.entity.Passkey;
import fr.ent.portal.mfa.entity.PasskeyChallenge;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * An account's passkeys (issue 24): the options of {@code navigator.credentials.create} and {@code .get} with a challenge
 * issued here (its SHA-256 kept, spent once, two minutes), the registration and sign-in answers verified by webauthn4j
 * ({@link PasskeyCeremony}) against the configured RP id and origins, the list on /account. Refusals are answered, not
 * thrown, so that the spent challenge stays spent; each is audited ({@code PASSKEY_REJECTED} with the reason).
 */
@Stateless
public class Passkeys {

    static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(2);
    static final String USER_HANDLE_PURPOSE = "passkey-user-handle";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** A passkey as /account lists it. */
    public record Listed(long id, String name, Instant createdAt, Instant lastUsedAt) implements java.io.Serializable {
        // getters for Jakarta EL 5
        public long getId() { return id; }
        public String getName() { return name; }
        public java.util.Date getCreatedDate() { return java.util.Date.from(createdAt); }
        public java.util.Date getLastUsedDate() { return lastUsedAt == null ? null : java.util.Date.from(lastUsedAt); }
    }

    /** The answer of a registration. */
    public enum Registration { REGISTERED, REFUSED, ALREADY_REGISTERED }

    /** The answer of a passkey sign-in: the account, or why not. */
    public record SignInCheck(Long accountId, String refusal) {
        public boolean passed() {
            return accountId != null;
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

    /** The options of {@code navigator.credentials.create} for this account (JSON, WebAuthn level 3 form). */
    public String registrationOptions(long accountId) {
        Account account = account(accountId);
        JsonArrayBuilder algorithms = Json.createArrayBuilder();
        PasskeyCeremony.algorithms().forEach(alg -> algorithms.add(Json.createObjectBuilder()
                .add("type", "public-key").add("alg", alg)));
        JsonArrayBuilder exclude = Json.createArrayBuilder();
        of(accountId).forEach(p -> exclude.add(Json.createObjectBuilder().add("type", "public-key")
                .add("id", em.find(Passkey.class, p.id()).credentialId())));
        return Json.createObjectBuilder()
                .add("rp", Json.createObjectBuilder().add("id", rpId()).add("name", "ENT"))
                .add("user", Json.createObjectBuilder().add("id", B64URL.encodeToString(userHandle(accountId)))
                        .add("name", account.identifier())
                        .add("displayName", account.firstName() + " " + account.lastName()))
                .add("challenge", issue(PasskeyChallenge.Purpose.REGISTER, accountId))
                .add("pubKeyCredParams", algorithms)
                .add("timeout", CHALLENGE_VALIDITY.toMillis())
                .add("excludeCredentials", exclude)
                .add("authenticatorSelection", Json.createObjectBuilder().add("residentKey", "required")
                        .add("requireResidentKey", true).add("userVerification", "required"))
                .add("attestation", "none")
                .build().toString();
    }

    /** Verifies and stores a new passkey of the account, named by its owner. */
    public Registration register(long accountId, String name, String responseJson, Client client) {
        Account account = account(accountId);
        String cleanName = name == null ? "" : name.strip().replaceAll("\\p{Cntrl}", "");
        if (cleanName.isEmpty()) {
            cleanName = fr.ent.portal.platform.DeviceLabel.of(client.userAgent()); // "Chrome, Windows"…
        }
        cleanName = cleanName.isEmpty() ? "#" + (of(accountId).size() + 1)
                : cleanName.substring(0, Math.min(cleanName.length(), Passkey.MAX_NAME));
        PasskeyCeremony.NewCredential credential;
        try {
            byte[] challenge = PasskeyCeremony.registrationChallenge(responseJson);
            if (!spend(challenge, PasskeyChallenge.Purpose.REGISTER, accountId)) {
                return rejectedRegistration(account, client, "challenge-unknown-or-used");
            }
            credential = ceremony().register(responseJson, challenge);
        } catch (PasskeyCeremony.Refused refused) {
            return rejectedRegistration(account, client, refused.reason().name().toLowerCase(Locale.ROOT));
        }
        Optional<Passkey> existing = byCredentialId(credential.credentialId());
        if (existing.isPresent()) {
            boolean mine = existing.get().account().id().equals(accountId);
            rejectedRegistration(account, client, mine ? "already-registered" : "registered-to-another-account");
            return mine ? Registration.ALREADY_REGISTERED : Registration.REFUSED;
        }
        em.persist(new Passkey(account, credential.credentialId(), credential.credentialData(), credential.signCount(),
                cleanName, clock.instant()));
        audit.recordWithCaller(AuditEventType.PASSKEY_REGISTERED, accountId, account.identifier(), client.ip(),
                client.userAgent(), null);
        return Registration.REGISTERED;
    }

    /** The options of {@code navigator.credentials.get} for a sign-in with a discoverable passkey (no account named). */
    public String signInOptions() {
        return Json.createObjectBuilder()
                .add("challenge", issue(PasskeyChallenge.Purpose.SIGN_IN, null))
                .add("rpId", rpId())
                .add("timeout", CHALLENGE_VALIDITY.toMillis())
                .add("userVerification", "required")
                .add("allowCredentials", Json.createArrayBuilder())
                .build().toString();
    }

    /**
     * A sign-in answer: its challenge spent (once), its credential found, its user handle that of the credential's
     * account, its signature and counter verified. No password hash: no admission slot.
     */
    public SignInCheck verifySignIn(String responseJson, Client client) {
        PasskeyCeremony.Claim claim;
        try {
            claim = PasskeyCeremony.signInClaim(responseJson);
        } catch (PasskeyCeremony.Refused malformed) {
            return rejectedSignIn(null, client, "malformed");
        }
        if (!spend(claim.challenge(), PasskeyChallenge.Purpose.SIGN_IN, null)) {
            return rejectedSignIn(null, client, "challenge-unknown-or-used");
        }
        Optional<Passkey> found = byCredentialId(claim.credentialId());
        if (found.isEmpty()) {
            return rejectedSignIn(null, client, "unknown-credential");
        }
        Passkey passkey = em.find(Passkey.class, found.get().id(), LockModeType.PESSIMISTIC_WRITE);
        Account account = passkey.account();
        if (claim.userHandle() == null || !MessageDigest.isEqual(claim.userHandle(), userHandle(account.id()))) {
            return rejectedSignIn(account, client, "user-handle-of-another-account");
        }
        long counter;
        try {
            counter = ceremony().signIn(responseJson, claim.challenge(), passkey.credentialData(), passkey.signCount());
        } catch (PasskeyCeremony.Refused refused) {
            return rejectedSignIn(account, client, refused.reason() == PasskeyCeremony.Refusal.COUNTER_WENT_BACKWARDS
                    ? "counter-went-backwards passkey " + passkey.id() : refused.reason().name().toLowerCase(Locale.ROOT));
        }
        passkey.used(counter, clock.instant());
        return new SignInCheck(account.id(), null);
    }

    /** The account's passkeys, oldest first. */
    public List<Listed> of(long accountId) {
        return em.createNamedQuery(Passkey.OF_ACCOUNT, Passkey.class).setParameter("accountId", accountId)
                .getResultStream().map(p -> new Listed(p.id(), p.name(), p.createdAt(), p.lastUsedAt())).toList();
    }

    /** Removes one passkey of the account (another account's id: nothing). */
    public void remove(long accountId, long passkeyId, Client client) {
        Passkey passkey = em.find(Passkey.class, passkeyId);
        if (passkey == null || !passkey.account().id().equals(accountId)) {
            throw new NotFoundException("admin.not_found");
        }
        em.remove(passkey);
        audit.recordWithCaller(AuditEventType.PASSKEY_REMOVED, accountId, passkey.account().identifier(), client.ip(),
                client.userAgent(), "passkey " + passkeyId);
    }

    /** Every passkey of the account (a lost phone: the administrator's reset). */
    public void removeAll(long accountId) {
        em.createNamedQuery(Passkey.DELETE_OF_ACCOUNT).setParameter("accountId", accountId).executeUpdate();
    }

    private String issue(PasskeyChallenge.Purpose purpose, Long accountId) {
        Instant now = clock.instant();
        em.createNamedQuery(PasskeyChallenge.PURGE).setParameter("now", now).executeUpdate();
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        em.persist(new PasskeyChallenge(sha256(challenge), purpose, accountId, now.plus(CHALLENGE_VALIDITY)));
        return B64URL.encodeToString(challenge);
    }

    private boolean spend(byte[] challenge, PasskeyChallenge.Purpose purpose, Long accountId) {
        return challenge != null && em.createNamedQuery(PasskeyChallenge.SPEND).setParameter("hash", sha256(challenge))
                .setParameter("purpose", purpose).setParameter("now", clock.instant())
                .setParameter("accountId", accountId == null ? -1L : accountId).executeUpdate() == 1;
    }

    private Registration rejectedRegistration(Account account, Client client, String reason) {
        audit.record(AuditEventType.PASSKEY_REJECTED, account.id(), account.identifier(), client.ip(),
                client.userAgent(), "registration " + reason);
        return Registration.REFUSED;
    }

    private SignInCheck rejectedSignIn(Account account, Client client, String reason) {
        audit.record(AuditEventType.PASSKEY_REJECTED, account == null ? null : account.id(),
                account == null ? null : account.identifier(), client.ip(), client.userAgent(), "sign-in " + reason);
        return new SignInCheck(null, reason);
    }

    private Optional<Passkey> byCredentialId(String credentialId) {
        return em.createNamedQuery(Passkey.BY_CREDENTIAL_ID, Passkey.class).setParameter("credentialId", credentialId)
                .getResultStream().findFirst();
    }

    /** The WebAuthn user handle of an account: 16 bytes derived from the master key, no personal data. */
    private byte[] userHandle(long accountId) {
        return Arrays.copyOf(MasterKey.derive(signingKeys.key(USER_HANDLE_PURPOSE), "account:" + accountId), 16);
    }

    private PasskeyCeremony ceremony() {
        return new PasskeyCeremony(rpId(), origins());
    }

    String rpId() {
        String configured = settings.get(Setting.PASSKEY_RP_ID).strip();
        return configured.isEmpty() ? URI.create(settings.get(Setting.PUBLIC_URL)).getHost() : configured;
    }

    Set<String> origins() {
        String configured = settings.get(Setting.PASSKEY_ORIGINS).strip();
        Set<String> origins = new LinkedHashSet<>();
        if (configured.isEmpty()) {
            URI url = URI.create(settings.get(Setting.PUBLIC_URL));
            origins.add(url.getScheme() + "://" + url.getRawAuthority());
        } else {
            for (String origin : configured.split(",")) {
                if (!origin.isBlank()) {
                    origins.add(origin.strip());
                }
            }
        }
        return origins;
    }

    private Account account(long accountId) {
        return NotFoundException.requireFound(em.find(Account.class, accountId));
    }

    private static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
