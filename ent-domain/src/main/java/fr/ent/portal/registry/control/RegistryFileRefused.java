package fr.ent.portal.registry.control;

import fr.ent.portal.platform.BusinessException;

/**
 * The whole file is refused before any row is looked at (too large, too many rows, not text, missing columns...):
 * {@link #code()} is a short code for the audit trail, the key and parameters make the message.
 */
public class RegistryFileRefused extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public RegistryFileRefused(String code, String key, Object... params) {
        super(key, params);
        this.code = code;
    }

    /** For the audit trail: {@code too-large}, {@code too-many-rows}, {@code encoding}, {@code missing-columns}... */
    public String code() {
        return code;
    }
}
