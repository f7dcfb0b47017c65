package fr.ent.portal.admin.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.account.entity.PendingAction;
import fr.ent.portal.platform.Profile;

/**
 * What {@code /admin/account} shows of one account, read in one transaction: its state, where it is, its family links,
 * its recent audit events, and what the viewer may do to it. {@code version} goes back with every action: a change
 * made meanwhile by someone else is refused ("changed meanwhile, reload"), nothing is overwritten.
 */
public record AccountDetail(long id, long version, String identifier, String firstName, String lastName,
                            LocalDate birthDate, Profile profile, AccountStatus status,
                            List<PendingAction> pendingActions, String recoveryEmail, boolean emailVerified,
                            boolean validCode, Instant codeExpiresAt, Instant createdAt, Instant lastSignInAt,
                            int failedSignIns, Instant heldUntil, List<Place> places, List<Relative> relatives,
                            List<Event> events, boolean mayManage, boolean mayReissueCode) implements Serializable {

    /** An enrollment (a pupil), or an assignment (staff): school year, establishment, class or role. */
    public record Place(String schoolYear, String establishment, String division, String role, LocalDate endDate,
                        boolean current) implements Serializable {
    }

    /** A representative of the pupil, or a child of the representative; {@code visible}: the viewer may open it. */
    public record Relative(long id, String identifier, String firstName, String lastName, boolean attached,
                           boolean suspended, boolean visible) implements Serializable {
    }

    /** An audit event about the account. */
    public record Event(Instant occurredAt, String type, String actor, String ip, String detail) implements Serializable {
    }

    /** Whether sign-in is held back now (by the account's own failure count or the identifier's throttle). */
    public boolean held() {
        return heldUntil != null;
    }

    public boolean disabled() {
        return status == AccountStatus.DISABLED;
    }
}
