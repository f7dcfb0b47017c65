package fr.ent.portal.account.control;

import java.util.List;

import jakarta.persistence.EntityManager;

import fr.ent.portal.account.entity.Account;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.ent.portal.platform.BusinessException;

/**
 * Account identifiers: first-name initial, a dot, the last name, then a number, in lower-case ASCII
 * ({@code Jean Dupont} → {@code j.dupont1}, {@code Zoé D'Artagnan-Lefèvre} → {@code z.dartagnanlefevre1}).
 * The number is one more than the highest already used for exactly the same base.
 */
public final class IdentifierRule {

    /** Longest last-name part kept, so that identifiers fit their column with room for the number. */
    static final int MAX_LAST_NAME = 50;

    private IdentifierRule() {
    }

    /** The base ({@code j.dupont}) of a person's identifiers; blank names, or names without any letter, are refused. */
    public static String base(String firstName, String lastName) {
        String first = letters(firstName);
        String last = letters(lastName);
        if (first.isEmpty() || last.isEmpty()) {
            throw new BusinessException("account.name.invalid");
        }
        return first.charAt(0) + "." + (last.length() > MAX_LAST_NAME ? last.substring(0, MAX_LAST_NAME) : last);
    }

    /** The LIKE pattern that finds every identifier that may share this base (filter them with {@link #next}). */
    public static String likePattern(String base) {
        return base + "%";
    }

    /** The next identifier of {@code base}, given identifiers already taken (others than the base's are ignored). */
    public static String next(String base, Collection<String> taken) {
        Pattern sameBase = Pattern.compile(Pattern.quote(base) + "([1-9][0-9]{0,8})");
        int highest = 0;
        for (String identifier : taken) {
            Matcher m = sameBase.matcher(identifier.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return base + (highest + 1);
    }

    /** Lower-case ASCII letters of a name: accents stripped, ligatures spelt out, everything else dropped. */
    static String letters(String name) {
        if (name == null) {
            return "";
        }
        String spelt = name.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss");
        return Normalizer.normalize(spelt, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    /** The next identifier for this name that no account holds yet (accounts and the demo loader share it). */
    public static String nextFree(EntityManager em, String firstName, String lastName) {
        String base = base(firstName, lastName);
        List<String> taken = em.createNamedQuery(Account.IDENTIFIERS_LIKE, String.class)
                .setParameter("pattern", likePattern(base))
                .getResultList();
        return next(base, taken);
    }
}
