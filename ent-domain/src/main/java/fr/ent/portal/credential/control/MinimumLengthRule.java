package fr.ent.portal.credential.control;

import java.util.List;
import java.util.Optional;

/** At least {@code min} characters (code points). Key {@code password.rule.length}, parameter: the minimum. */
public final class MinimumLengthRule implements PasswordRule {

    public static final String KEY = "password.rule.length";
    private final int min;

    public MinimumLengthRule(int min) {
        this.min = min;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<Object> params() {
        return List.of(min);
    }

    @Override
    public Optional<RuleViolation> check(String password, PersonalData data) {
        return PasswordRule.length(password) >= min ? Optional.empty() : violation();
    }
}
