package fr.ent.portal.account.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import fr.ent.portal.account.control.IdentifierRule;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.platform.Profile;
import fr.ent.portal.credential.control.PasswordHashing;
import fr.ent.portal.credential.control.ProvisionalCodes;
import fr.ent.portal.platform.ConflictException;
import fr.ent.portal.platform.NotFoundException;
import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;
import fr.ent.portal.platform.UniqueConstraints;

/** Creating and finding accounts. */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PasswordHashing hashing;

    @Inject
    Settings settings;

    /**
     * Creates an account (PROVISIONAL, without secret yet) with the next free identifier of the person's name.
     * Two creations racing for the same identifier end, for the loser, in {@code account.identifier.taken}.
     */
    public Account create(String firstName, String lastName, LocalDate birthDate, Profile profile) {
        String identifier = nextIdentifier(em, firstName, lastName);
        Account account = new Account(identifier, firstName, lastName, birthDate, profile, clock.instant());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueConstraints.violated(e, "uk_account_identifier")) {
                throw new ConflictException("account.identifier.taken", identifier);
            }
            throw e;
        }
        return account;
    }

    /**
     * Gives the account a new provisional code (its password and any older code stop working) and returns the
     * code in clear, once, for the letter; only its hash is kept.
     */
    public String issueProvisionalCode(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("account.notFound");
        }
        String code = ProvisionalCodes.newCode();
        account.issueProvisionalCode(hashing.hash(ProvisionalCodes.normalize(code).toCharArray()),
                clock.instant().plus(settings.getDuration(Setting.PROVISIONAL_CODE_VALIDITY)));
        return code;
    }

    /** The account with this identifier (typed in any case). */
    public Optional<Account> findByIdentifier(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.BY_IDENTIFIER, Account.class)
                .setParameter("identifier", identifier.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    /**
     * The instant before which the sessions of this account are void (a password reset), or null: read by the web
     * layer on signed-in requests (a single column, cached per session for a few seconds).
     */
    public java.time.Instant sessionsValidAfter(String identifier) {
        List<java.time.Instant> found = em.createNamedQuery(Account.SESSIONS_VALID_AFTER, java.time.Instant.class)
                .setParameter("identifier", identifier).getResultList();
        return found.isEmpty() ? null : found.get(0); // the column is null until a reset
    }

    /** The next free identifier for this name (the demo loader shares it). */
    public static String nextIdentifier(EntityManager em, String firstName, String lastName) {
        return IdentifierRule.nextFree(em, firstName, lastName);
    }
}
