package fr.ent.portal.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;

import fr.ent.portal.platform.ConflictException;

/**
 * The one optimistic version check of the administration's changes: the version a page showed must still be the
 * entity's ({@link #require}), and a change made meanwhile by another transaction, seen at the flush through
 * {@code @Version}, gives the same answer ({@link #flush}): a {@link ConflictException} with the page's "changed
 * meanwhile, reload" key, and nothing written.
 */
public final class VersionCheck {

    private VersionCheck() {
    }

    /** Refuses with {@code conflictKey} when the entity's {@code current} version is not the {@code shown} one. */
    public static void require(long current, long shown, String conflictKey) {
        if (current != shown) {
            throw new ConflictException(conflictKey);
        }
    }

    /** Writes the persistence context now; a concurrent change found by {@code @Version} is refused with {@code conflictKey}. */
    public static void flush(EntityManager em, String conflictKey) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException(conflictKey);
        }
    }
}
