package fr.ent.portal.establishment.entity;

import java.util.Locale;

/**
 * The UAI code of a French establishment (unité administrative immatriculée): seven digits then a check
 * letter, the letter being {@code "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(number % 23)}; e.g. {@code 0010001W}.
 */
public final class UaiRule {

    static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private UaiRule() {
    }

    /** True for a well-formed code in upper case with the right check letter; false for null. */
    public static boolean isValid(String uai) {
        if (uai == null || uai.length() != 8) {
            return false;
        }
        for (int i = 0; i < 7; i++) {
            char c = uai.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return uai.charAt(7) == checkLetter(Integer.parseInt(uai.substring(0, 7)));
    }

    /** The check letter of the seven-digit number. */
    public static char checkLetter(int number) {
        if (number < 0 || number > 9_999_999) {
            throw new IllegalArgumentException("A UAI number has seven digits: " + number);
        }
        return CHECK_LETTERS.charAt(number % 23);
    }

    /** The code as typed by a person, trimmed and upper-cased (null stays null); it still needs {@link #isValid}. */
    public static String normalize(String typed) {
        return typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
    }
}
