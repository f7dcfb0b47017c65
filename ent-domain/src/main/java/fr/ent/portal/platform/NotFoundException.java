package fr.ent.portal.platform;

/** The thing asked for does not exist (any more). */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String key, Object... params) {
        super(key, params);
    }

    /**
     * {@code found} when there is one (an entity looked up by the id a page was given), else the refusal every
     * administration page shows for an id it may not see or that does not exist: {@code admin.not_found}, a 404.
     */
    public static <T> T requireFound(T found) {
        if (found == null) {
            throw new NotFoundException("admin.not_found");
        }
        return found;
    }
}
