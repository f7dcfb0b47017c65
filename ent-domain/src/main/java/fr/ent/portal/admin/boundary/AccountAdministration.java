package fr.ent.portal.admin.boundary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.boundary.CredentialChanges;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.account.entity.CredentialChange;
import fr.ent.portal.admin.control.AccountReach;
import fr.ent.portal.admin.control.AccountReach.Action;
import fr.ent.portal.admin.control.AccountReach.Place;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.mail.entity.EmailShape;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.mfa.boundary.SecondFactors;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.InvalidInputException.FieldError;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.persistence.VersionCheck;
import fr.ent.portal.schooling.entity.Assignment;
import fr.ent.portal.schooling.entity.Enrollment;
import fr.ent.portal.schooling.entity.Responsibility;
import fr.ent.portal.schooling.entity.SchoolYear;
import fr.ent.portal.signin.boundary.SignInProtection;
import fr.ent.portal.signin.control.SignInThrottle;

/**
 * One account seen by the school office ({@code /admin/account}): its detail, and the actions on it (recovery email set
 * or cleared, sign-in hold lifted, disabled, enabled). Each call checks the staff member's scope again on the server:
 * an account outside it answers 404 and leaves {@code ADMIN_SCOPE_DENIED}; an action needs {@link AccountReach}'s
 * {@code MANAGE} (the region, or the school office of a pupil or family of its establishments, or of staff assigned
 * only there: a principal teacher only views, and sees no sign-in addresses of whom they may not act on). Each action carries the
 * version the page showed: a change made meanwhile answers {@code admin.account.changed} and changes nothing. Each
 * action is audited. New provisional codes go through {@code letters.boundary.Letters#reissue}.
 */
@Stateless
public class AccountAdministration {

    /** The audit events shown on the detail page. */
    static final int RECENT_EVENTS = 20;

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    SignInProtection protection;

    @EJB
    CredentialChanges changes;

    @EJB
    SecondFactors factors;

    @Inject
    Mailer mailer;

    @Inject
    Settings settings;

    /** The account's detail, if the scope covers it (otherwise 404, audited). */
    public AccountDetail detail(AdminScope scope, long accountId, Client client) {
        Account account = scopes.requireAccount(scope, accountId, client);
        List<Place> places = scopes.placesOf(account);
        boolean seeSignIns = scope.region() || AccountReach.allows(scope, account.profile(), places, Action.SEE_SIGN_INS);
        Instant now = clock.instant();
        Instant heldUntil = heldUntil(account, now);
        return new AccountDetail(account.id(), account.version(), account.identifier(), account.firstName(),
                account.lastName(), account.birthDate(), account.profile(), account.status(),
                account.pendingActions().stream().sorted().toList(), account.recoveryEmail(),
                account.hasVerifiedEmail(), account.hasValidProvisionalCode(now), account.provisionalCodeExpiresAt(),
                account.createdAt(), account.lastSignInAt(), protection.throttle().consecutiveFailures(account.identifier(), now),
                heldUntil,
                placesShown(account), relatives(scope, account), events(account.id(), seeSignIns),
                scope.region() || AccountReach.allows(scope, account.profile(), places, Action.MANAGE),
                scope.region() || AccountReach.allows(scope, account.profile(), places, Action.REISSUE_CODE));
    }

    /** Records (or replaces) the recovery email, which then waits for the holder's verification. */
    public void setRecoveryEmail(AdminScope scope, long accountId, long version, String email, Client client) {
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("email", "account.recoveryEmail.required")));
        }
        if (!EmailShape.isValid(typed)) {
            throw new InvalidInputException(List.of(new FieldError("email", "account.recoveryEmail.invalid")));
        }
        Account account = manageable(scope, accountId, version, client);
        account.changeRecoveryEmail(typed);
        done(scope, account, AuditEventType.ADMIN_RECOVERY_EMAIL_SET, client, "email set");
        changes.apply(account, CredentialChange.EMAIL_CHANGED, clock.instant(), client);
    }

    /** Removes the recovery email. */
    public void clearRecoveryEmail(AdminScope scope, long accountId, long version, Client client) {
        Account account = manageable(scope, accountId, version, client);
        if (account.recoveryEmail() == null) {
            throw new BusinessException("admin.account.email.nothing_to_clear");
        }
        account.clearRecoveryEmail();
        done(scope, account, AuditEventType.ADMIN_RECOVERY_EMAIL_CLEARED, client, "email cleared");
        changes.apply(account, CredentialChange.EMAIL_CLEARED, clock.instant(), client);
    }

    /** Lifts the sign-in holds: the identifier's failures in the sign-in throttle (every device). */
    public void unlock(AdminScope scope, long accountId, long version, Client client) {
        Account account = manageable(scope, accountId, version, client);
        done(scope, account, AuditEventType.ADMIN_ACCOUNT_UNLOCKED, client, "unlock");
        protection.throttle().reset(account.identifier());
    }

    /** Disables the account: no sign-in, its sessions end. */
    public void disable(AdminScope scope, long accountId, long version, Client client) {
        Account account = manageable(scope, accountId, version, client);
        if (account.status() == AccountStatus.DISABLED) {
            throw new BusinessException("admin.account.already_disabled", account.identifier());
        }
        account.disable();
        done(scope, account, AuditEventType.ADMIN_ACCOUNT_DISABLED, client, "disable");
        changes.apply(account, CredentialChange.DISABLED, clock.instant(), client);
    }

    /** Enables a disabled account again (ACTIVE with its password, or PROVISIONAL with its code). */
    public void enable(AdminScope scope, long accountId, long version, Client client) {
        Account account = manageable(scope, accountId, version, client);
        account.enable();
        done(scope, account, AuditEventType.ADMIN_ACCOUNT_ENABLED, client, "enable");
    }

    /** What /admin/account shows of the account's second factors (never a secret), and whether the scope may reset them. */
    public record Factors(SecondFactors.Status status, boolean mayReset) implements java.io.Serializable {
    }

    public Factors factors(AdminScope scope, long accountId, Client client) {
        Account account = scopes.requireAccount(scope, accountId, client);
        return new Factors(factors.status(accountId), scopes.allows(scope, account, Action.RESET_FACTORS));
    }

    /**
     * Removes every second factor of the account (a lost phone): a school admin's by the region only, a teacher's or a
     * family's by their school office (404 and audit outside it); audited, and mailed to the person. A profile that needs
     * a factor enrols a new one at the next sign-in.
     */
    public void resetFactors(AdminScope scope, long accountId, Client client) {
        Account account = scopes.requireAccount(scope, accountId, Action.RESET_FACTORS, client);
        if (!factors.status(accountId).any()) {
            throw new BusinessException("admin.account.mfa.nothing_to_reset");
        }
        factors.reset(accountId);
        audit.recordByStaff(AuditEventType.ADMIN_MFA_RESET, scope.staffId(), scope.identifier(), account.id(),
                account.identifier(), client, "factors reset", establishmentOf(scope, scopes.placesOf(account)));
        if (account.hasVerifiedEmail()) {
            mailer.queue(account.recoveryEmail(), MailTemplate.FACTORS_RESET_NOTICE, account.language(), Map.of(
                    "firstName", account.firstName(),
                    "time", DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(settings.timeZone()).format(clock.instant()),
                    "helpLink", settings.get(Setting.PUBLIC_URL) + "/help"));
        }
    }

    // ---- steps -------------------------------------------------------------------------------------------

    /** The account if the scope may act on it and nobody changed it since {@code version} was read. */
    private Account manageable(AdminScope scope, long accountId, long version, Client client) {
        Account account = scopes.requireAccount(scope, accountId, Action.MANAGE, client);
        VersionCheck.require(account.version(), version, "admin.account.changed");
        return account;
    }

    /** Writes the change now (a concurrent one loses with "changed meanwhile"), then audits it. */
    private void done(AdminScope scope, Account account, AuditEventType type, Client client, String detail) {
        VersionCheck.flush(em, "admin.account.changed");
        audit.recordByStaff(type, scope.staffId(), scope.identifier(), account.id(), account.identifier(), client,
                detail, establishmentOf(scope, scopes.placesOf(account)));
    }

    private static Long establishmentOf(AdminScope scope, List<Place> places) {
        return AdminScopes.establishmentOf(scope, places);
    }

    private Instant heldUntil(Account account, Instant now) {
        SignInThrottle.Verdict verdict = protection.throttle().check(account.identifier(), null, now);
        return verdict.allowed() ? null : verdict.heldUntil();
    }

    private List<AccountDetail.Place> placesShown(Account account) {
        LocalDate today = LocalDate.now(clock);
        SchoolYear year = SchoolYear.current(clock);
        List<AccountDetail.Place> places = new ArrayList<>();
        if (account.profile() == Profile.PUPIL) {
            for (Enrollment e : em.createNamedQuery(Enrollment.OF_PUPIL, Enrollment.class)
                    .setParameter("pupil", account).getResultList()) {
                places.add(new AccountDetail.Place(e.schoolYear().label(), e.establishment().name(), e.division(), null,
                        e.endDate(), e.schoolYear().equals(year) && e.isActiveOn(today)));
            }
        } else if (account.profile().isStaff()) {
            for (Assignment a : em.createQuery("select a from Assignment a join fetch a.establishment"
                    + " where a.staff = :staff order by a.schoolYear desc, a.id", Assignment.class)
                    .setParameter("staff", account).getResultList()) {
                places.add(new AccountDetail.Place(a.schoolYear().label(), a.establishment().name(), a.division(),
                        a.role().name(), null, a.schoolYear().equals(year)));
            }
        }
        return places;
    }

    private List<AccountDetail.Relative> relatives(AdminScope scope, Account account) {
        boolean pupil = account.profile() == Profile.PUPIL;
        if (!pupil && account.profile() != Profile.LEGAL_REPRESENTATIVE) {
            return List.of();
        }
        List<Responsibility> links = em.createQuery("select r from Responsibility r join fetch r.representative"
                        + " join fetch r.pupil where " + (pupil ? "r.pupil" : "r.representative") + " = :account",
                Responsibility.class).setParameter("account", account).getResultList();
        return links.stream().map(r -> {
            Account other = pupil ? r.representative() : r.pupil();
            return new AccountDetail.Relative(other.id(), other.identifier(), other.firstName(), other.lastName(),
                    r.isAttached(), r.isSuspended(), scopes.covers(scope, other));
        }).sorted(Comparator.comparing(AccountDetail.Relative::lastName).thenComparing(AccountDetail.Relative::firstName))
                .toList();
    }

    /** The account's recent events; without addresses and details (browsers) for whom may not act on it. */
    private List<AccountDetail.Event> events(long accountId, boolean seeSignIns) {
        return audit.recentForAccount(accountId, RECENT_EVENTS).stream()
                .map(e -> new AccountDetail.Event(e.occurredAt(), e.type().name(), e.actorIdentifier(),
                        seeSignIns ? e.clientIp() : "", seeSignIns ? e.detail() : "")).toList();
    }
}
