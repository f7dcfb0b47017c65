package fr.ent.portal.credential.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Does not contain the identifier, the first name or the last name, ignoring case, accents and separators: both sides
 * are {@link #fold folded}, and each value is looked for whole ({@code Jean-Pierre} as {@code jeanpierre}) and by
 * part ({@code jean}, {@code pierre}). Values and parts shorter than 3 characters are ignored ({@code Lé}, {@code Li}).
 * Key {@code password.rule.personal}, no parameters (the page must not echo personal data back).
 */
public final class PersonalDataRule implements PasswordRule {

    public static final String KEY = "password.rule.personal";
    private static final int MIN_FRAGMENT = 3;

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Optional<RuleViolation> check(String password, PersonalData data) {
        String folded = fold(password).replaceAll("[^\\p{L}\\p{N}]", "");
        boolean contains = Stream.of(data.identifier(), data.firstName(), data.lastName())
                .flatMap(value -> fragments(value).stream())
                .anyMatch(folded::contains);
        return contains ? violation() : Optional.empty();
    }

    /** Decomposed (NFD), combining marks removed, lower-cased: {@code Éloïse} becomes {@code eloise}. */
    static String fold(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT);
    }

    /** The folded value without separators, and each of its parts, keeping those of 3 characters or more. */
    static List<String> fragments(String value) {
        List<String> fragments = new ArrayList<>();
        if (value == null) {
            return fragments;
        }
        String folded = fold(value);
        Stream.concat(Stream.of(folded.replaceAll("[^\\p{L}\\p{N}]", "")), Stream.of(folded.split("[^\\p{L}\\p{N}]+")))
                .filter(f -> PasswordRule.length(f) >= MIN_FRAGMENT)
                .forEach(fragments::add);
        return fragments;
    }
}
