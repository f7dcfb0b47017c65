package fr.ent.portal.admin.control;

/**
 * The orders of the account directory, each ending on the id so that pages never overlap, and each backed by an index
 * (V14): name ({@code ix_account_name}), identifier (unique), profile and status ({@code ix_account_profile_name},
 * {@code ix_account_status_name}).
 */
public enum DirectorySort {
    NAME("a.lastName %1$s, a.firstName %1$s, a.id %1$s"),
    IDENTIFIER("a.identifier %1$s"),
    PROFILE("a.profile %1$s, a.lastName %1$s, a.firstName %1$s, a.id %1$s"),
    STATUS("a.status %1$s, a.lastName %1$s, a.firstName %1$s, a.id %1$s");

    private final String order;

    DirectorySort(String order) {
        this.order = order;
    }

    /** The JPQL order clause (without "order by"). */
    public String orderBy(boolean descending) {
        return String.format(order, descending ? "desc" : "asc");
    }

    /** The sort named {@code field} (a column's sort key), or NAME. */
    public static DirectorySort of(String field) {
        if (field != null) {
            for (DirectorySort sort : values()) {
                if (sort.name().equalsIgnoreCase(field)) {
                    return sort;
                }
            }
        }
        return NAME;
    }
}
