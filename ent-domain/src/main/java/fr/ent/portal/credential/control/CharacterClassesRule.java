package fr.ent.portal.credential.control;

import java.util.List;
import java.util.Optional;

/**
 * Characters of at least {@code required} of the four {@link CharacterClass classes}.
 * Key {@code password.rule.classes}, parameters: the number required, the number of classes (4).
 */
public final class CharacterClassesRule implements PasswordRule {

    public static final String KEY = "password.rule.classes";
    private final int required;

    public CharacterClassesRule(int required) {
        this.required = required;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<Object> params() {
        return List.of(required, CharacterClass.values().length);
    }

    @Override
    public Optional<RuleViolation> check(String password, PersonalData data) {
        long classes = password.codePoints().mapToObj(CharacterClass::of).distinct().count();
        return classes >= required ? Optional.empty() : violation();
    }
}
