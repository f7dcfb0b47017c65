package fr.ent.portal.letters.boundary;

import java.io.Serializable;
import java.time.Instant;

import fr.ent.portal.account.entity.Account;
import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;

/** An account a letter can be printed for, as the letters page shows it (no secret, not even a hash). */
public record LetterSubject(long id, String identifier, String firstName, String lastName, Profile profile,
                            AccountStatus status, Instant codeExpiresAt) implements Serializable {

    static LetterSubject of(Account account) {
        return new LetterSubject(account.id(), account.identifier(), account.firstName(), account.lastName(),
                account.profile(), account.status(), account.provisionalCodeHash() == null ? null
                : account.provisionalCodeExpiresAt());
    }

    public boolean disabled() {
        return status == AccountStatus.DISABLED;
    }
}
