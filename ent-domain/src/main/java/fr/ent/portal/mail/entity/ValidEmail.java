package fr.ent.portal.mail.entity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An e-mail address of the portal's one shape ({@link EmailShape}), where an entity stores one (an account's recovery
 * email, an establishment's contact), instead of Bean Validation's own {@code @Email}, a second and different rule;
 * null is valid.
 */
@Documented
@Constraint(validatedBy = ValidEmail.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidEmail {

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** {@link EmailShape#isValid} for Bean Validation. */
    class Check implements ConstraintValidator<ValidEmail, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || EmailShape.isValid(value);
        }
    }
}
