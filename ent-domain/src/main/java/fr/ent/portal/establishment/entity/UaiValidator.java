package fr.ent.portal.establishment.entity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ValidUai}. */
public class UaiValidator implements ConstraintValidator<ValidUai, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || UaiRule.isValid(value);
    }
}
