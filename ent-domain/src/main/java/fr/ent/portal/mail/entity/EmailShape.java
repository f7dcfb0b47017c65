package fr.ent.portal.mail.entity;

import java.util.regex.Pattern;

/**
 * The one shape of an e-mail address, for every path that takes one (a recovery email at first connection, on the
 * account page or from an administrator, an establishment's contact, a representative in a registry import, the "I
 * forgot my identifier" form): a pragmatic check, at most 254 characters, one {@code @}, a local part without spaces,
 * controls, quotes or brackets, a domain of letters, digits and hyphens with at least one dot. The verification mail
 * is the real proof.
 */
public final class EmailShape {

    /** The longest address a mail server must accept (RFC 5321's path limit less the brackets). */
    public static final int MAX_LENGTH = 254;

    public static final Pattern PATTERN = Pattern.compile("^[^@\\s\\p{Z}\\p{Cc}\\p{Cf}<>\"'()\\[\\],;:\\\\]{1,64}@"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

    private EmailShape() {
    }

    /** True when {@code typed} (already stripped) has the shape of an address; false for null. */
    public static boolean isValid(String typed) {
        return typed != null && typed.length() <= MAX_LENGTH && PATTERN.matcher(typed).matches();
    }
}
