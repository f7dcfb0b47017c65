package fr.ent.portal.view;

import java.util.function.BiFunction;

/**
 * A form's new password and its confirmation (first connection, reset, the account page; the fields of
 * {@code WEB-INF/includes/password-fields.xhtml}): handed to the domain once as characters, then forgotten whatever the
 * outcome. Held by a request-scoped bean only, never serialized.
 */
public final class NewPasswordFields {

    private String password;
    private String confirmation;

    /** What {@code use} returns, given the typed password and confirmation; both fields are cleared after it. */
    public <T> T handOver(BiFunction<char[], char[], T> use) {
        try {
            return use.apply(Typed.chars(password), Typed.chars(confirmation));
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
