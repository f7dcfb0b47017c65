package fr.ent.portal.credential.control;

import java.util.List;
import java.util.Optional;

/** At most {@code max} characters (code points). Key {@code password.rule.max}, parameter: the maximum. */
public final class MaximumLengthRule implements PasswordRule {

    public static final String KEY = "password.rule.max";
    private final int max;

    public MaximumLengthRule(int max) {
        this.max = max;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<Object> params() {
        return List.of(max);
    }

    @Override
    public Optional<RuleViolation> check(String password, PersonalData data) {
        return PasswordRule.length(password) <= max ? Optional.empty() : violation();
    }
}
