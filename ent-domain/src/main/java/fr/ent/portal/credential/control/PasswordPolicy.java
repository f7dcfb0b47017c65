package fr.ent.portal.credential.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one password policy, for every path that sets a password (first connection, change, reset, administration):
 * <ol>
 * <li>{@code password.rule.length}: at least 8 characters;</li>
 * <li>{@code password.rule.classes}: characters of at least 3 of the 4 classes lower-case, upper-case, digit, special
 * (see {@link CharacterClass}: é and µ are lower-case, É upper-case, € space quotes and {@code <>} special);</li>
 * <li>{@code password.rule.max}: at most 128 characters;</li>
 * <li>{@code password.rule.personal}: not containing the identifier, first or last name ({@link PersonalDataRule});</li>
 * <li>{@code password.rule.common}: not a common password ({@link CommonPasswordRule}), server side only.</li>
 * </ol>
 * Characters are Unicode code points (an emoji counts as one), as in the browser twin
 * {@code ent-web/src/main/webapp/resources/js/password-checklist.js}, which checks the first four rules the same way.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final int REQUIRED_CLASSES = 3;

    private final List<PasswordRule> rules;

    /** The portal's policy with the shipped common-password list. */
    public PasswordPolicy() {
        this(List.of(new MinimumLengthRule(MIN_LENGTH), new CharacterClassesRule(REQUIRED_CLASSES),
                new MaximumLengthRule(MAX_LENGTH), new PersonalDataRule(), CommonPasswordRule.shipped()));
    }

    public PasswordPolicy(List<PasswordRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The broken rules, in the policy's order; empty when the password is accepted. A null password counts as empty. */
    public List<RuleViolation> check(String password, PersonalData data) {
        String value = password == null ? "" : password;
        PersonalData personal = data == null ? PersonalData.none() : data;
        return rules.stream().map(rule -> rule.check(value, personal)).flatMap(Optional::stream).toList();
    }

    /** True when {@link #check} finds nothing. */
    public boolean accepts(String password, PersonalData data) {
        return check(password, data).isEmpty();
    }

    /** Every rule with whether the password satisfies it, for a page's checklist (null password: nothing typed yet). */
    public List<ChecklistItem> checklist(String password, PersonalData data) {
        String value = password == null ? "" : password;
        PersonalData personal = data == null ? PersonalData.none() : data;
        return rules.stream()
                .map(rule -> new ChecklistItem(rule.key(), rule.params(), rule.check(value, personal).isEmpty(),
                        !(rule instanceof CommonPasswordRule)))
                .toList();
    }

    public List<PasswordRule> rules() {
        return rules;
    }
}
