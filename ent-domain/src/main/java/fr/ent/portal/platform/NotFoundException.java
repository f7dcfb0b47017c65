package fr.ent.portal.platform;

/** The thing asked for does not exist (any more). */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String key, Object... params) {
        super(key, params);
    }
}
