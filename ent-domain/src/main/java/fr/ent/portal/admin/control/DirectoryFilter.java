package fr.ent.portal.admin.control;

import java.io.Serializable;
import java.util.Locale;

import fr.ent.portal.account.entity.AccountStatus;
import fr.ent.portal.platform.Profile;

/**
 * The filters of the account directory ({@code /admin/accounts}): the start of a last or first name, the start of an
 * identifier, a class (division of the current school year's enrollment, exact), a profile, a status. Blank text is
 * no filter; text is trimmed, lower-cased and cut to the column's length.
 */
public record DirectoryFilter(String name, String identifier, String division, Profile profile, AccountStatus status)
        implements Serializable {

    public static final DirectoryFilter NONE = new DirectoryFilter(null, null, null, null, null);

    public DirectoryFilter {
        name = clean(name, 100, true);
        identifier = clean(identifier, 64, true);
        division = clean(division, 40, false);
    }

    /** True when nothing filters (the region's whole directory, a school's whole roll). */
    public boolean isEmpty() {
        return name == null && identifier == null && division == null && profile == null && status == null;
    }

    /** A LIKE pattern matching values that start with {@code prefix} ({@code \} escapes {@code % _ \}). */
    public static String startsWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String clean(String text, int max, boolean lowerCase) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            stripped = stripped.substring(0, max);
        }
        return lowerCase ? stripped.toLowerCase(Locale.ROOT) : stripped;
    }
}
