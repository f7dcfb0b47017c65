package fr.ent.portal.view.admin;

/** The filters that admin pages read from their address (bookmarkable): anything unknown filters nothing. */
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
}
