package fr.ent.portal.establishment.entity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A UAI code with its check letter ({@link UaiRule}); null is valid (add {@code @NotNull}). */
@Documented
@Constraint(validatedBy = UaiValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidUai {

    String message() default "{establishment.uai.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
