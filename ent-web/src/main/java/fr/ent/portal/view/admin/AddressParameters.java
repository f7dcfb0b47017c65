package fr.ent.portal.view.admin;

import fr.ent.portal.platform.NotFoundException;

/**
 * What admin pages read from their address (bookmarkable): a filter that is unknown filters nothing; an id that is
 * not one is a page that does not exist.
 */
public final class AddressParameters {

    private AddressParameters() {
    }

    /** The constant named {@code value} (surrounding spaces ignored); null when blank or unknown. */
    public static <E extends Enum<E>> E constant(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        return null;
    }

    /** The {@code id} parameter as a number; anything else is a page that does not exist (404). */
    public static Long id(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,18}")) {
            throw new NotFoundException("admin.not_found");
        }
        return Long.valueOf(text.strip());
    }
}
