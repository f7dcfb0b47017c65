package fr.ent.portal.view;

/** What a person typed into a secret field, as the boundaries take it: characters they wipe after use. */
public final class Typed {

    private Typed() {
    }

    /** The characters of a typed secret (nothing typed: none). */
    public static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }
}
