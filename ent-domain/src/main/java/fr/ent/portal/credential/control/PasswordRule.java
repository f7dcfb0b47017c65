package fr.ent.portal.credential.control;

import java.util.List;
import java.util.Optional;

/** One rule of the {@link PasswordPolicy}: a message key with its parameters, and the check itself. */
public interface PasswordRule {

    /** Message key of the rule, e.g. {@code password.rule.length}; the same key names it in a checklist. */
    String key();

    /** Parameters of the rule's message, e.g. the minimum length. */
    default List<Object> params() {
        return List.of();
    }

    /** A violation when the password breaks the rule; empty when it satisfies it. Never gets a null password. */
    Optional<RuleViolation> check(String password, PersonalData data);

    /** The violation this rule reports. */
    default Optional<RuleViolation> violation() {
        return Optional.of(new RuleViolation(key(), params().toArray()));
    }

    /** Length in Unicode code points (as the browser's {@code [...s].length}), not UTF-16 units. */
    static int length(String password) {
        return password.codePointCount(0, password.length());
    }
}
