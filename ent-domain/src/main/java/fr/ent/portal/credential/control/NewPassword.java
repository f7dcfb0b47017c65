package fr.ent.portal.credential.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.ent.portal.platform.InvalidInputException.FieldError;

/**
 * A new password typed twice, as every page that sets one asks for it (first connection, reset, account page): the
 * policy's refusals on field {@code password}, then a mismatch on field {@code confirmation}
 * ({@code first_connection.error.confirmation_mismatch}). Neither array is kept or cleared here: the caller wipes them.
 */
public final class NewPassword {

    static final String MISMATCH = "first_connection.error.confirmation_mismatch";

    private NewPassword() {
    }

    /** The refusals, field by field; empty when the password is accepted and both typings match. */
    public static List<FieldError> errors(PasswordPolicy policy, char[] password, char[] confirmation, PersonalData person) {
        List<FieldError> errors = new ArrayList<>();
        for (RuleViolation violation : policy.check(password == null ? "" : new String(password), person)) {
            errors.add(new FieldError("password", violation.key(), List.of(violation.params())));
        }
        if (!Arrays.equals(password == null ? new char[0] : password, confirmation == null ? new char[0] : confirmation)) {
            errors.add(new FieldError("confirmation", MISMATCH));
        }
        return errors;
    }
}
