package fr.ent.portal.account.entity;

import fr.ent.portal.platform.Profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import fr.ent.portal.mail.entity.ValidEmail;
import fr.ent.portal.platform.BusinessException;

/**
 * A person's account: identity, profile, secrets (as hashes only), recovery email and pending actions (its failed
 * sign-ins are counted in one place, the sign-in throttle, per identifier). Every change goes through a method that
 * guards the account's invariants.
 */
@Entity
@EntityListeners(SessionsEndedHook.class) // issue 20: single logout from any node (an event, observed by sso)
@Table(name = "account")
@SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
@NamedQuery(name = Account.BY_IDENTIFIER, query = "select a from Account a where a.identifier = :identifier")
@NamedQuery(name = Account.IDENTIFIERS_LIKE,
        query = "select a.identifier from Account a where a.identifier like :pattern")
@NamedQuery(name = Account.SESSIONS_VALID_AFTER,
        query = "select a.sessionsValidAfter from Account a where a.identifier = :identifier")
@NamedQuery(name = Account.BY_RECOVERY_EMAIL,
        query = "select a from Account a where a.recoveryEmail = :email order by a.identifier")
@NamedQuery(name = Account.BY_LEGACY_IDENTIFIER,
        query = "select a from Account a where a.legacyIdentifier = :legacyIdentifier and a.legacyHash is not null")
public class Account {

    /** The shape of an old login accepted at sign-in (lower case): letters, digits and {@code . _ @ -}. */
    public static final java.util.regex.Pattern LEGACY_IDENTIFIER_SHAPE =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    /** The account still holding a legacy credential whose old login is {@code legacyIdentifier} (lower case). */
    public static final String BY_LEGACY_IDENTIFIER = "Account.byLegacyIdentifier";

    public static final String BY_IDENTIFIER = "Account.byIdentifier";
    /** Identifiers matching a LIKE pattern (parameter {@code pattern}, e.g. {@code j.dupont%}). */
    public static final String IDENTIFIERS_LIKE = "Account.identifiersLike";
    /** The instant before which the sessions of the account {@code identifier} are void (may be null). */
    public static final String SESSIONS_VALID_AFTER = "Account.sessionsValidAfter";
    /** Accounts whose recovery email is {@code email} (lower case). */
    public static final String BY_RECOVERY_EMAIL = "Account.byRecoveryEmail";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Version
    private long version;

    @NotNull
    @Size(max = 64)
    @Pattern(regexp = "[a-z]\\.[a-z]+[1-9][0-9]*", message = "{account.identifier.invalid}")
    @Column(name = "identifier", nullable = false, length = 64, updatable = false)
    private String identifier;

    @NotBlank
    @Size(max = 100)
    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @NotBlank
    @Size(max = 100)
    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "profile", nullable = false, length = 32)
    private Profile profile;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    /** PHC string, null until a password is chosen. */
    @Size(max = 255)
    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Size(max = 255)
    @Column(name = "provisional_code_hash", length = 255)
    private String provisionalCodeHash;

    @Column(name = "provisional_code_expires_at")
    private Instant provisionalCodeExpiresAt;

    @ValidEmail(message = "{account.recoveryEmail.invalid}")
    @Size(max = 254, message = "{account.recoveryEmail.invalid}")
    @Column(name = "recovery_email", length = 254)
    private String recoveryEmail;

    @Column(name = "recovery_email_verified_at")
    private Instant recoveryEmailVerifiedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_pending_action", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "pending_action", nullable = false, length = 32)
    private Set<PendingAction> pendingActions = new HashSet<>();

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /**
     * The language the person last used on the portal themselves ({@code fr}, {@code en}): the mails they receive
     * without asking are written in it. Null: nothing known yet (French).
     */
    @Size(max = 8)
    @Column(name = "language", length = 8)
    private String language;

    /** The establishment the person last chose to work in (only valid while still linked to it). */
    @Column(name = "chosen_establishment_id")
    private Long chosenEstablishmentId;

    /** Sessions started at or before this instant are ended ("sign out everywhere"); null: none ended. */
    /** Sessions opened before this instant are void (set when the password is reset); null: none voided. */
    @Column(name = "sessions_valid_after")
    private Instant sessionsValidAfter;

    /** The person's stable id in the registry that created the account ({@code creteil:eleve:123}); null if made by hand. */
    @Size(max = 120)
    @Column(name = "external_id", length = 120)
    private String externalId;

    /** The previous ENT's login (lower case), accepted once with {@link #legacyHash}. */
    @Size(max = 64)
    @Column(name = "legacy_identifier", length = 64)
    private String legacyIdentifier;

    /** The previous ENT's password hash (documented formats, {@code LegacyPasswords}); null once replaced. */
    @Size(max = 255)
    @Column(name = "legacy_hash", length = 255)
    private String legacyHash;

    protected Account() {
        // JPA
    }

    /**
     * A new account, PROVISIONAL and without any secret yet: give it a provisional code
     * ({@link #issueProvisionalCode}) or a password ({@link #changePassword}).
     *
     * @param identifier as made by {@code IdentifierRule}
     * @param birthDate  of a pupil; null for others
     */
    public Account(String identifier, String firstName, String lastName, LocalDate birthDate, Profile profile,
                   Instant createdAt) {
        this.identifier = Objects.requireNonNull(identifier, "identifier").toLowerCase(Locale.ROOT);
        this.firstName = requireName(firstName);
        this.lastName = requireName(lastName);
        this.birthDate = birthDate;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = AccountStatus.PROVISIONAL;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new BusinessException("account.name.required");
        }
        return name.strip();
    }

    // ---- secrets -------------------------------------------------------------------------------------------

    /**
     * Gives the account a new provisional code (stored as a hash only): the password is cleared, the account
     * becomes PROVISIONAL and the first-connection steps become pending:
     * change the password, record (or verify) a recovery email, and accept the charter if never signed in.
     */
    public void issueProvisionalCode(String codeHash, Instant expiresAt) {
        requireNotDisabled();
        this.provisionalCodeHash = requireHash(codeHash);
        this.provisionalCodeExpiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.passwordHash = null;
        this.legacyHash = null;
        this.status = AccountStatus.PROVISIONAL;
        pendingActions.add(PendingAction.CHANGE_PASSWORD);
        if (recoveryEmail == null) {
            pendingActions.add(PendingAction.RECORD_EMAIL);
        } else if (recoveryEmailVerifiedAt == null) {
            pendingActions.add(PendingAction.VERIFY_EMAIL);
        }
        if (lastSignInAt == null) {
            pendingActions.add(PendingAction.ACCEPT_CHARTER);
        }
    }

    /** True when the account is PROVISIONAL with a code that has not expired at {@code now}. */
    public boolean hasValidProvisionalCode(Instant now) {
        return status == AccountStatus.PROVISIONAL && provisionalCodeHash != null
                && provisionalCodeExpiresAt != null && now.isBefore(provisionalCodeExpiresAt);
    }

    /**
     * Sets the password (as a PHC hash). A PROVISIONAL account becomes ACTIVE and loses its provisional code;
     * a DISABLED account stays disabled.
     */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = requireHash(newPasswordHash);
        this.legacyHash = null;
        this.provisionalCodeHash = null;
        this.provisionalCodeExpiresAt = null;
        pendingActions.remove(PendingAction.CHANGE_PASSWORD);
        if (status == AccountStatus.PROVISIONAL) {
            status = AccountStatus.ACTIVE;
        }
    }

    /**
     * Ends the first connection of a PROVISIONAL account whose provisional code is valid at {@code now}:
     * the chosen password replaces the code, the charter is accepted, the recovery email (may be null for a
     * pupil) is recorded and waits for verification, and the sign-in is recorded.
     */
    public void completeFirstConnection(String newPasswordHash, String email, Instant now) {
        if (!hasValidProvisionalCode(now)) {
            throw new BusinessException("account.provisionalCode.expired");
        }
        changePassword(newPasswordHash);
        acceptCharter();
        if (email != null && !email.isBlank()) {
            changeRecoveryEmail(email);
        }
        recordSignIn(now);
    }

    /**
     * A new password chosen through a reset link: it replaces the old one (and any provisional code) and
     * every session opened before {@code now} becomes void.
     */
    public void resetPassword(String newPasswordHash, Instant now) {
        requireNotDisabled();
        changePassword(newPasswordHash);
        endAllSessions(now);
    }

    /** Replaces the stored hash of the same password, computed with the currently configured parameters. */
    public void rehashPassword(String newPasswordHash) {
        if (passwordHash == null) {
            throw new IllegalStateException("No password to rehash");
        }
        this.passwordHash = requireHash(newPasswordHash);
    }

    /** True while steps remain that must be done before the person may use the portal (verifying the email is not one). */
    public boolean hasBlockingPendingActions() {
        return pendingActions.stream().anyMatch(PendingAction::blocksSignIn);
    }

    public void acceptCharter() {
        pendingActions.remove(PendingAction.ACCEPT_CHARTER);
    }

    // ---- registry and previous ENT --------------------------------------------------------------------------

    /** Marks the account as the registry's person {@code externalId}; an account keeps its first external id. */
    public void linkToRegistry(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (this.externalId != null && !this.externalId.equals(externalId)) {
            throw new BusinessException("account.externalId.taken", identifier);
        }
        this.externalId = externalId;
    }

    /** The registry corrected the person's names or birth date (the identifier never changes). */
    public void correctFromRegistry(String firstName, String lastName, LocalDate birthDate) {
        this.firstName = requireName(firstName);
        this.lastName = requireName(lastName);
        this.birthDate = birthDate;
    }

    /**
     * Keeps the previous ENT's login and password hash of a person who has no password here yet: signing in once
     * with them replaces them ({@link #migrateLegacyCredential}).
     */
    public void keepLegacyCredential(String oldIdentifier, String oldHash) {
        requireNotDisabled();
        if (passwordHash != null) {
            throw new BusinessException("account.legacy.hasPassword", identifier);
        }
        this.legacyIdentifier = Objects.requireNonNull(oldIdentifier, "oldIdentifier").strip().toLowerCase(Locale.ROOT);
        this.legacyHash = requireHash(oldHash);
    }

    /** True while the previous ENT's hash is the only secret (no password, no provisional code chosen since). */
    public boolean hasLegacyCredential() {
        return legacyHash != null && passwordHash == null && status != AccountStatus.DISABLED;
    }

    /**
     * The old password was right: its Argon2id hash replaces the legacy one (which is gone for good), the account
     * becomes ACTIVE, and the person owes the steps of a first connection: note the new identifier, choose a new
     * password if the old one breaks the policy, record an email if none, accept the charter if never signed in.
     */
    public void migrateLegacyCredential(String newPasswordHash, boolean passwordMeetsPolicy) {
        if (!hasLegacyCredential()) {
            throw new BusinessException("account.legacy.none", identifier);
        }
        this.passwordHash = requireHash(newPasswordHash);
        this.legacyHash = null;
        this.provisionalCodeHash = null;
        this.provisionalCodeExpiresAt = null;
        this.status = AccountStatus.ACTIVE;
        pendingActions.add(PendingAction.SHOW_NEW_IDENTIFIER);
        if (!passwordMeetsPolicy) {
            pendingActions.add(PendingAction.CHANGE_PASSWORD);
        }
        if (recoveryEmail == null) {
            pendingActions.add(PendingAction.RECORD_EMAIL);
        }
        if (lastSignInAt == null) {
            pendingActions.add(PendingAction.ACCEPT_CHARTER);
        }
    }

    /** The person saw (and noted) their new identifier. */
    public void acknowledgeNewIdentifier() {
        pendingActions.remove(PendingAction.SHOW_NEW_IDENTIFIER);
    }

    // ---- recovery email ----------------------------------------------------------------------------------

    /** Records a new recovery email (lower-cased), which now waits for verification. */
    public void changeRecoveryEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new BusinessException("account.recoveryEmail.required");
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals(recoveryEmail)) {
            return;
        }
        this.recoveryEmail = normalized;
        this.recoveryEmailVerifiedAt = null;
        pendingActions.remove(PendingAction.RECORD_EMAIL);
        pendingActions.add(PendingAction.VERIFY_EMAIL);
    }

    /**
     * The school office removes the recovery email (a mistyped or lost address): no address, nothing to verify.
     * Nothing else changes; the next reset link can only go through the school office.
     */
    public void clearRecoveryEmail() {
        this.recoveryEmail = null;
        this.recoveryEmailVerifiedAt = null;
        pendingActions.remove(PendingAction.VERIFY_EMAIL);
    }

    /** A pupil chose not to give a recovery email at first connection (allowed for pupils only). */
    public void skipRecoveryEmail() {
        if (profile != Profile.PUPIL) {
            throw new BusinessException("account.recoveryEmail.required");
        }
        pendingActions.remove(PendingAction.RECORD_EMAIL);
    }

    /** The holder proved they read the recovery email (a link or code sent to it). */
    public void markEmailVerified(Instant at) {
        if (recoveryEmail == null) {
            throw new BusinessException("account.recoveryEmail.required");
        }
        this.recoveryEmailVerifiedAt = Objects.requireNonNull(at, "at");
        pendingActions.remove(PendingAction.VERIFY_EMAIL);
    }

    public boolean hasVerifiedEmail() {
        return recoveryEmail != null && recoveryEmailVerifiedAt != null;
    }

    // ---- status ------------------------------------------------------------------------------------------

    public void disable() {
        this.status = AccountStatus.DISABLED;
    }

    /** Re-enables a DISABLED account: ACTIVE if it has a password, PROVISIONAL otherwise. */
    public void enable() {
        if (status != AccountStatus.DISABLED) {
            throw new BusinessException("account.notDisabled", identifier);
        }
        this.status = passwordHash != null ? AccountStatus.ACTIVE : AccountStatus.PROVISIONAL;
    }

    // ---- language ------------------------------------------------------------------------------------------

    /** The language of the mails the person receives without asking: the one they last used, French by default. */
    public Locale language() {
        return Locale.ENGLISH.getLanguage().equals(language) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The person used the portal in {@code locale} (English or French; any other language counts as French). */
    public void speaks(Locale locale) {
        String used = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? Locale.ENGLISH.getLanguage() : Locale.FRENCH.getLanguage();
        if (!used.equals(language)) {
            this.language = used;
        }
    }

    // ---- sign-in -------------------------------------------------------------------------------------------

    /** A successful sign-in: remembers when (failures are counted by the sign-in throttle, not here). */
    public void recordSignIn(Instant at) {
        requireNotDisabled();
        this.lastSignInAt = Objects.requireNonNull(at, "at");
    }

    private void requireNotDisabled() {
        if (status == AccountStatus.DISABLED) {
            throw new BusinessException("account.disabled", identifier);
        }
    }

    private static String requireHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("A hash is required");
        }
        return hash;
    }

    // ---- establishment and sessions ----------------------------------------------------------------------

    /** Remembers the establishment chosen (the caller checked that the person is linked to it). */
    public void chooseEstablishment(long establishmentId) {
        this.chosenEstablishmentId = establishmentId;
    }

    /** Ends every session started up to {@code now}; only sessions started later stay valid. */
    public void endAllSessions(Instant now) {
        Objects.requireNonNull(now, "now");
        if (sessionsValidAfter == null || now.isAfter(sessionsValidAfter)) {
            this.sessionsValidAfter = now;
            this.sessionsEndedNow = now;
        }
    }

    /**
     * A credential changed at {@code now}: the sessions it ends are ended (those started up to {@code now}; for
     * {@link CredentialChange.Sessions#OTHERS} the caller keeps its own session by stamping it after the returned
     * instant). The links it voids are voided by the caller ({@code CredentialChanges}), which holds the queries.
     *
     * @return the instant before which the account's sessions are now void (null when none ever was)
     */
    public Instant credentialsChanged(CredentialChange change, Instant now) {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(now, "now");
        if (change.sessions() != CredentialChange.Sessions.NONE) {
            endAllSessions(now);
        }
        return sessionsValidAfter;
    }

    /** Set by {@link #endAllSessions} until the change is written (then read once by the single logout). */
    @Transient
    private transient Instant sessionsEndedNow;

    /** The instant up to which this change ended the account's sessions, once (null when it ended none). */
    public Instant takeSessionsEnded() {
        Instant ended = sessionsEndedNow;
        sessionsEndedNow = null;
        return ended;
    }

    /** True when a session started at {@code signedInAt} has not been ended by {@link #endAllSessions}. */
    public boolean isSessionValid(Instant signedInAt) {
        return sessionsValidAfter == null || signedInAt != null && signedInAt.isAfter(sessionsValidAfter);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String identifier() {
        return identifier;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Profile profile() {
        return profile;
    }

    public AccountStatus status() {
        return status;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String provisionalCodeHash() {
        return provisionalCodeHash;
    }

    public Instant provisionalCodeExpiresAt() {
        return provisionalCodeExpiresAt;
    }

    public String recoveryEmail() {
        return recoveryEmail;
    }

    public Instant recoveryEmailVerifiedAt() {
        return recoveryEmailVerifiedAt;
    }

    public Set<PendingAction> pendingActions() {
        return pendingActions.isEmpty() ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(pendingActions));
    }




    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public Long chosenEstablishmentId() {
        return chosenEstablishmentId;
    }

    public Instant sessionsValidAfter() {
        return sessionsValidAfter;
    }

    public String externalId() {
        return externalId;
    }

    public String legacyIdentifier() {
        return legacyIdentifier;
    }

    public String legacyHash() {
        return legacyHash;
    }

    @Override
    public String toString() {
        return "Account[" + identifier + " " + profile + " " + status + "]";
    }
}
