package fr.ent.portal.platform;

import java.util.Arrays;

import jakarta.ejb.ApplicationException;

/**
 * A refusal by a business rule, carrying the resource-bundle key of its message and the message's parameters.
 * Unchecked; the transaction it leaves is rolled back; the web layer shows {@link #key()} translated.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] params;

    public BusinessException(String key, Object... params) {
        super(key + (params.length == 0 ? "" : " " + Arrays.toString(params)));
        this.key = key;
        this.params = params.clone();
    }

    /** The resource-bundle key of the message, e.g. {@code account.identifier.taken}. */
    public String key() {
        return key;
    }

    /** The parameters of the message ({@code {0}}, {@code {1}}…). */
    public Object[] params() {
        return params == null ? new Object[0] : params.clone();
    }
}
