package fr.ent.portal.platform;

import java.util.List;

/**
 * Input refused by a rule, field by field: the page shows each message next to its field.
 * Nothing was written.
 */
public class InvalidInputException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** One refusal: the form field it belongs to, a message key and its parameters. */
    public record FieldError(String field, String key, List<Object> params) implements java.io.Serializable {
        public FieldError(String field, String key) {
            this(field, key, List.of());
        }
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("input.invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
