package fr.ent.portal.platform;

/** Something that must be unique already exists (an identifier, a UAI code…), or was changed meanwhile. */
public class ConflictException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String key, Object... params) {
        super(key, params);
    }
}
