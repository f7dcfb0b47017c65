package fr.ent.portal.letters.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import fr.ent.portal.account.boundary.Accounts;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.admin.boundary.AdminScopes;
import fr.ent.portal.admin.control.AccountReach;
import fr.ent.portal.admin.control.AccountReach.Action;
import fr.ent.portal.admin.control.AdminScope;
import fr.ent.portal.audit.boundary.AuditTrail;
import fr.ent.portal.audit.entity.AuditEventType;
import fr.ent.portal.establishment.entity.Establishment;
import fr.ent.portal.letters.control.Audience;
import fr.ent.portal.letters.control.Letter;
import fr.ent.portal.letters.control.LetterPdf;
import fr.ent.portal.letters.control.LetterProgress;
import fr.ent.portal.mail.boundary.Mailer;
import fr.ent.portal.mail.entity.MailTemplate;
import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.Client;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.schooling.entity.SchoolYear;
import fr.ent.portal.signin.boundary.SignInProtection;

/**
 * Activation letters: re-issues provisional codes (for one account or a whole class) and prints them. Each account
 * printed gets a new code through {@link Accounts#issueProvisionalCode} (its password and any older code stop
 * working), its sessions end and its sign-in holds are lifted; the codes exist in clear only in memory, long enough to
 * render the PDF. Every step is checked against the staff member's {@link AdminScope} (outside it: 404, audited) and
 * audited ({@code ADMIN_CODE_REISSUED} per account, {@code ADMIN_LETTERS_PRINTED} per print). Disabled accounts are
 * skipped and reported. A class print is one transaction: either every letter of the PDF holds a working code, or none
 * was changed.
 */
@Stateless
public class Letters {

    @PersistenceContext
    EntityManager em;

    @EJB
    AdminScopes scopes;

    @EJB
    Accounts accounts;

    @EJB
    fr.ent.portal.account.boundary.CredentialChanges changes;

    @EJB
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    @Inject
    SignInProtection protection;

    @Inject
    Mailer mailer;

    /** The account a letter would be for, if the scope covers it (otherwise 404). */
    public LetterSubject subject(AdminScope scope, long accountId, Client client) {
        return LetterSubject.of(reissuable(scope, accountId, client));
    }

    /** Whether this scope may print representatives' letters of the establishment ({@code AccountReach}'s rule). */
    public boolean mayPrintRepresentatives(AdminScope scope, long establishmentId) {
        return AccountReach.mayPrintRepresentatives(scope, establishmentId);
    }

    /** The pupils of a class this school year, if the scope covers the class (otherwise 404). */
    public ClassRoll roll(AdminScope scope, long establishmentId, String division, Client client) {
        Establishment establishment = scopes.requireDivision(scope, establishmentId, division, client);
        List<LetterSubject> pupils = pupilsOf(establishmentId, division).stream().map(LetterSubject::of).toList();
        return new ClassRoll(establishmentId, establishment.name(), division, pupils);
    }

    /** Re-issues the code of one account and prints its letter; a disabled account is refused. */
    public PrintedLetters reissue(AdminScope scope, long accountId, Client client) {
        Account account = reissuable(scope, accountId, client);
        if (account.status() == AccountStatus.DISABLED) {
            throw new BusinessException("admin.letters.disabled", account.identifier());
        }
        Long establishmentId = establishmentOf(account, scope);
        String establishmentName = establishmentId == null ? "" : em.find(Establishment.class, establishmentId).name();
        Letter letter = reissue(scope, account, establishmentName, establishmentId, client, "letter");
        byte[] pdf = pdf().render(List.of(letter), client.locale());
        audit.recordByStaff(AuditEventType.ADMIN_LETTERS_PRINTED, scope.staffId(), scope.identifier(), account.id(),
                account.identifier(), client, "letters:1", establishmentId);
        return new PrintedLetters(pdf, 1, List.of(), "letter-" + account.identifier() + ".pdf");
    }

    /**
     * Re-issues the codes of a class (its pupils this school year, their legal representatives, or both) and prints
     * their letters, telling {@code progress} after each account. Disabled accounts are skipped and reported.
     */
    public PrintedLetters reissueDivision(AdminScope scope, long establishmentId, String division, Audience audience,
                                          Client client, LetterProgress progress) {
        Establishment establishment = requirePrint(scope, establishmentId, division, audience, client);
        List<Account> recipients = recipients(establishmentId, division, audience);
        for (Account account : recipients) { // the one rule, for each letter of the print (nothing is issued before)
            if (!scopes.allows(scope, account, Action.REISSUE_CODE)) {
                throw scopes.denied(scope, client, "class-letter:" + account.id(), establishmentId);
            }
        }
        List<Letter> letters = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int done = 0;
        progress.update(0, recipients.size());
        for (Account account : recipients) {
            if (account.status() == AccountStatus.DISABLED) {
                skipped.add(account.identifier());
            } else {
                letters.add(reissue(scope, account, establishment.name(), establishmentId, client, "class"));
            }
            progress.update(++done, recipients.size());
        }
        byte[] pdf = letters.isEmpty() ? new byte[0] : pdf().render(letters, client.locale());
        audit.recordByStaff(AuditEventType.ADMIN_LETTERS_PRINTED, scope.staffId(), scope.identifier(), null,
                null, client, "class letters:" + letters.size() + " skipped:" + skipped.size(), establishmentId);
        return new PrintedLetters(pdf, letters.size(), skipped,
                "letters-" + division.replaceAll("[^A-Za-z0-9]+", "-") + ".pdf");
    }

    /**
     * The establishment if the scope may print this class for {@code audience}: its principal teacher prints the
     * pupils only; the representatives are the school office's ({@link AccountReach}). Otherwise 404, audited.
     */
    public Establishment requirePrint(AdminScope scope, long establishmentId, String division, Audience audience,
                                      Client client) {
        Establishment establishment = scopes.requireDivision(scope, establishmentId, division, client);
        if (audience == null || audience.representatives()
                && !AccountReach.mayPrintRepresentatives(scope, establishmentId)) {
            throw scopes.denied(scope, client, "class-letters:" + audience + ":" + division, establishmentId);
        }
        return establishment;
    }

    /** {@link #reissueDivision} in the background (its own transaction), for a page that shows a progress bar. */
    @Asynchronous
    public Future<PrintedLetters> reissueDivisionInBackground(AdminScope scope, long establishmentId, String division,
                                                              Audience audience, Client client,
                                                              LetterProgress progress) {
        return CompletableFuture.completedFuture(
                reissueDivision(scope, establishmentId, division, audience, client, progress));
    }

    // ---- steps -------------------------------------------------------------------------------------------

    /**
     * The account, if the scope may give it a new code: the region and the school admins of its establishment; a
     * principal teacher their class's pupils only (not the representatives they may see). Otherwise 404, audited.
     */
    private Account reissuable(AdminScope scope, long accountId, Client client) {
        return scopes.requireAccount(scope, accountId, Action.REISSUE_CODE, client);
    }

    private Letter reissue(AdminScope scope, Account account, String establishmentName, Long establishmentId,
                           Client client, String detail) {
        String code = accounts.issueProvisionalCode(account.id());
        changes.apply(account, fr.ent.portal.account.entity.CredentialChange.CODE_REISSUED, clock.instant(), client);
        protection.throttle().reset(account.identifier()); // a new letter is a fresh start for the holder
        audit.recordByStaff(AuditEventType.ADMIN_CODE_REISSUED, scope.staffId(), scope.identifier(), account.id(),
                account.identifier(), client, detail, establishmentId);
        tellTheOtherEstablishments(scope, account, establishmentName, establishmentId, client);
        List<String> children = account.profile() == Profile.LEGAL_REPRESENTATIVE ? childrenOf(account) : List.of();
        return new Letter(establishmentName, account.firstName(), account.lastName(), account.identifier(), code,
                account.provisionalCodeExpiresAt(), account.profile() == Profile.LEGAL_REPRESENTATIVE, children);
    }

    /**
     * A school re-issued the code of a person also linked to another establishment (a family with children in two,
     * staff assigned in two): the person is told by mail (verified address only) and each other establishment's
     * audit log shows {@code ADMIN_CODE_REISSUED_ELSEWHERE} (detail: who printed, whether the mail went).
     */
    private void tellTheOtherEstablishments(AdminScope scope, Account account, String establishmentName,
                                            Long establishmentId, Client client) {
        if (scope.region()) {
            return; // the region is no school: its re-issues are in every log already
        }
        List<Long> others = AccountReach.otherEstablishments(scopes.placesOf(account), establishmentId);
        if (others.isEmpty()) {
            return;
        }
        boolean mailed = account.hasVerifiedEmail();
        if (mailed) {
            ZoneId zone = settings.timeZone();
            mailer.queue(account.recoveryEmail(), MailTemplate.CODE_REISSUED_ELSEWHERE, account.language(), Map.of(
                    "firstName", account.firstName(),
                    "establishment", establishmentName,
                    "time", DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(zone).format(clock.instant()),
                    "helpLink", settings.publicUrl() + "/help"));
        }
        for (Long other : others) {
            audit.recordByStaff(AuditEventType.ADMIN_CODE_REISSUED_ELSEWHERE, scope.staffId(), scope.identifier(),
                    account.id(), account.identifier(), client,
                    "by:" + establishmentId + (mailed ? " mail:sent" : " mail:no-verified-email"), other);
        }
    }

    private LetterPdf pdf() {
        return new LetterPdf(settings.publicUrl(), settings.timeZone());
    }

    private List<Account> recipients(long establishmentId, String division, Audience audience) {
        List<Account> pupils = pupilsOf(establishmentId, division);
        if (!audience.representatives()) {
            return pupils;
        }
        Map<Long, List<Account>> representatives = new LinkedHashMap<>();
        if (!pupils.isEmpty()) {
            List<Object[]> rows = em.createQuery("select r.pupil.id, r.representative from Responsibility r"
                            + " where r.pupil in :pupils order by r.representative.lastName, r.representative.firstName",
                    Object[].class).setParameter("pupils", pupils).getResultList();
            for (Object[] row : rows) {
                representatives.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Account) row[1]);
            }
        }
        Set<Account> ordered = new LinkedHashSet<>(); // each pupil followed by their representatives, each person once
        for (Account pupil : pupils) {
            if (audience.pupils()) {
                ordered.add(pupil);
            }
            ordered.addAll(representatives.getOrDefault(pupil.id(), List.of()));
        }
        return List.copyOf(ordered);
    }

    private List<Account> pupilsOf(long establishmentId, String division) {
        return em.createQuery("select e.pupil from Enrollment e where e.establishment.id = :establishment"
                        + " and e.division = :division and e.schoolYear = :year"
                        + " and (e.endDate is null or e.endDate > :today)"
                        + " order by e.pupil.lastName, e.pupil.firstName, e.pupil.identifier", Account.class)
                .setParameter("establishment", establishmentId).setParameter("division", division)
                .setParameter("year", SchoolYear.current(clock)).setParameter("today", LocalDate.now(clock))
                .getResultList();
    }

    private List<String> childrenOf(Account representative) {
        return em.createQuery("select r.pupil.firstName from Responsibility r where r.representative = :representative"
                        + " order by r.pupil.birthDate, r.pupil.firstName", String.class)
                .setParameter("representative", representative).getResultList();
    }

    /** The establishment printed on a single letter: where the account is (or its children are), in the scope. */
    private Long establishmentOf(Account account, AdminScope scope) {
        SchoolYear year = SchoolYear.current(clock);
        List<Long> places = switch (account.profile()) {
            case PUPIL -> em.createQuery("select e.establishment.id from Enrollment e where e.pupil = :account"
                    + " and e.schoolYear = :year order by e.id desc", Long.class)
                    .setParameter("account", account).setParameter("year", year).getResultList();
            case LEGAL_REPRESENTATIVE -> em.createQuery("select e.establishment.id from Responsibility r, Enrollment e"
                    + " where r.representative = :account and e.pupil = r.pupil and e.schoolYear = :year"
                    + " order by e.id desc", Long.class)
                    .setParameter("account", account).setParameter("year", year).getResultList();
            default -> em.createQuery("select a.establishment.id from Assignment a where a.staff = :account"
                    + " and a.schoolYear = :year order by a.id", Long.class)
                    .setParameter("account", account).setParameter("year", year).getResultList();
        };
        return places.stream().filter(scope::touchesEstablishment).findFirst()
                .orElse(places.isEmpty() ? null : places.get(0));
    }
}
