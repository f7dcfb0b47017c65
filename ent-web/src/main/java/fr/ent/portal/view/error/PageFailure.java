package fr.ent.portal.view.error;

import java.util.List;

import jakarta.persistence.OptimisticLockException;

import org.omnifaces.util.Exceptions;

import fr.ent.portal.platform.BusinessException;
import fr.ent.portal.platform.InvalidInputException;
import fr.ent.portal.platform.NotFoundException;

/**
 * What a page shows for an exception thrown by a boundary, whatever wraps it (EL, EJB, Faces, a background task): a
 * plain 404, messages next to the fields, one message for the whole page, the optimistic-lock message, or nothing of
 * ours (left to the error pages). Plain data, no Faces: {@link PageExceptionHandler} applies it to a page,
 * {@link fr.ent.portal.view.BackgroundWork} to the result of a long job.
 */
public sealed interface PageFailure {

    /** The message of a change that lost to another one made meanwhile, when no boundary named a better one. */
    String CHANGED_MEANWHILE = "page.changed_meanwhile";

    /** An unknown id, or one outside the staff member's scope: the page does not exist. */
    record NotFound(String key) implements PageFailure { }

    /** Input refused field by field ({@code input.invalid}). */
    record Fields(List<InvalidInputException.FieldError> errors) implements PageFailure { }

    /** A refusal by a rule, or a conflict the boundary named: one message for the page. */
    record Message(String key, Object[] params) implements PageFailure { }

    /** A lost optimistic lock that no boundary turned into a refusal. */
    record ChangedMeanwhile() implements PageFailure { }

    /** Not a refusal: a real failure. */
    record Unexpected(Throwable cause) implements PageFailure { }

    /** The message key a page shows for this failure: the refusal's own, or one of the two given. */
    default String key(String changedMeanwhile, String unexpected) {
        if (this instanceof NotFound notFound) {
            return notFound.key();
        } else if (this instanceof Fields) {
            return "input.invalid";
        } else if (this instanceof Message message) {
            return message.key();
        }
        return this instanceof ChangedMeanwhile ? changedMeanwhile : unexpected;
    }

    /** The parameters of a {@link Message}; none for the others. */
    default Object[] params() {
        return new Object[0];
    }

    static PageFailure of(Throwable thrown) {
        BusinessException refusal = Exceptions.extract(thrown, BusinessException.class);
        if (refusal instanceof NotFoundException) {
            return new NotFound(refusal.key());
        }
        if (refusal instanceof InvalidInputException invalid) {
            return new Fields(invalid.errors());
        }
        if (refusal != null) { // a ConflictException too
            return new Message(refusal.key(), refusal.params());
        }
        if (Exceptions.is(thrown, OptimisticLockException.class)) {
            return new ChangedMeanwhile();
        }
        return new Unexpected(thrown);
    }
}
