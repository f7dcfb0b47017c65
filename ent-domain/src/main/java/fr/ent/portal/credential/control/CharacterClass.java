package fr.ent.portal.credential.control;

/**
 * The four classes of characters of the password policy, by Unicode general category (the same test as the browser's
 * {@code \p{Ll}}, {@code \p{Lu}}, {@code \p{Nd}}):
 * <ul>
 * <li>{@link #LOWER}: category Ll, so accented letters such as é, à, ç, œ, ß and the micro sign µ;</li>
 * <li>{@link #UPPER}: category Lu (É, À, Ç, Œ…);</li>
 * <li>{@link #DIGIT}: category Nd (0-9 and the other scripts' decimal digits);</li>
 * <li>{@link #SPECIAL}: everything else: punctuation, symbols (€, $, &lt;, &gt;), quotes, spaces, emoji, and letters of
 * other categories (ª and º, title-case ǅ, caseless letters such as 中).</li>
 * </ul>
 * Deliberately not {@link Character#isLowerCase(int)}, which also counts Other_Lowercase characters (ª, º, ⓐ, ⅰ) that
 * JavaScript's {@code \p{Ll}} does not.
 */
public enum CharacterClass {
    LOWER, UPPER, DIGIT, SPECIAL;

    public static CharacterClass of(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.LOWERCASE_LETTER -> LOWER;
            case Character.UPPERCASE_LETTER -> UPPER;
            case Character.DECIMAL_DIGIT_NUMBER -> DIGIT;
            default -> SPECIAL;
        };
    }
}
