package fr.ent.portal.admin.boundary;

import java.io.Serializable;
import java.time.Instant;

import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;

/** One line of the account directory; {@code division} is a pupil's class this school year (null for others). */
public record DirectoryRow(long id, String identifier, String firstName, String lastName, Profile profile,
                           AccountStatus status, String division, Instant lastSignInAt) implements Serializable {
}
