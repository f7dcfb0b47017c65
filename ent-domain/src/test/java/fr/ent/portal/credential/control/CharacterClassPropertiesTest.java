package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The policy's classification of characters against a reference: the regular expressions the browser uses. */
class CharacterClassPropertiesTest {

    private static final Pattern LOWER = Pattern.compile("\\p{Ll}");
    private static final Pattern UPPER = Pattern.compile("\\p{Lu}");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");

    static CharacterClass reference(int codePoint) {
        String s = new String(Character.toChars(codePoint));
        if (LOWER.matcher(s).matches()) {
            return CharacterClass.LOWER;
        }
        if (UPPER.matcher(s).matches()) {
            return CharacterClass.UPPER;
        }
        return DIGIT.matcher(s).matches() ? CharacterClass.DIGIT : CharacterClass.SPECIAL;
    }

    @Property(tries = 5000)
    void everyCodePointIsClassifiedAsTheReferenceDoes(@ForAll @IntRange(min = 0, max = Character.MAX_CODE_POINT) int codePoint) {
        assertEquals(reference(codePoint), CharacterClass.of(codePoint), () -> Integer.toHexString(codePoint));
    }

    @Property(tries = 2000)
    void frequentCharactersAreClassifiedAsTheReferenceDoes(@ForAll("frequent") int codePoint) {
        assertEquals(reference(codePoint), CharacterClass.of(codePoint), () -> Integer.toHexString(codePoint));
    }

    @Property(tries = 1000)
    void theClassesRuleCountsTheReferenceClasses(@ForAll("passwords") String password) {
        Set<CharacterClass> classes = password.codePoints().mapToObj(CharacterClassPropertiesTest::reference)
                .collect(Collectors.toSet());
        boolean satisfied = new CharacterClassesRule(3).check(password, PersonalData.none()).isEmpty();
        assertEquals(classes.size() >= 3, satisfied, password);
    }

    @Property(tries = 1000)
    void lengthsCountCodePoints(@ForAll("passwords") String password) {
        int codePoints = (int) password.codePoints().count();
        assertEquals(codePoints >= 8, new MinimumLengthRule(8).check(password, PersonalData.none()).isEmpty());
        assertEquals(codePoints <= 128, new MaximumLengthRule(128).check(password, PersonalData.none()).isEmpty());
    }

    @Provide
    Arbitrary<Integer> frequent() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 0x24F), Arbitraries.integers().between(0x2000, 0x20CF),
                Arbitraries.integers().between(0x1F300, 0x1F6FF));
    }

    @Provide
    Arbitrary<String> passwords() {
        Arbitrary<String> chars = frequent().map(cp -> new String(Character.toChars(cp)));
        return chars.list().ofMinSize(0).ofMaxSize(140).map(list -> String.join("", list));
    }
}
