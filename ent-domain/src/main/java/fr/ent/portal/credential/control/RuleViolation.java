package fr.ent.portal.credential.control;

import java.util.Arrays;

/** A broken rule: a message key (resolved by the page in the user's language) and its parameters. */
public record RuleViolation(String key, Object... params) {

    public RuleViolation {
        params = params == null ? new Object[0] : params.clone();
    }

    @Override
    public Object[] params() {
        return params.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleViolation v && key.equals(v.key) && Arrays.equals(params, v.params);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(params);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(params);
    }
}
