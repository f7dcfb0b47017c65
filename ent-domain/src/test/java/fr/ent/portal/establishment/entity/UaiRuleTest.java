package fr.ent.portal.establishment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UaiRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"0010001W", "0771763Y", "0860034V", "0312289V", "0000000A"})
    void acceptsCodesWithTheirCheckLetter(String uai) {
        assertTrue(UaiRule.isValid(uai));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0010001A", "0010001X", "0771763Z"})
    void refusesAWrongLetter(String uai) {
        assertFalse(UaiRule.isValid(uai));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "001001W", "00100001W", "0010001", "0010001WW", "O010001W", "001 001W", "+010001W"})
    void refusesAWrongShape(String uai) {
        assertFalse(UaiRule.isValid(uai));
    }

    @Test
    void refusesLowerCaseButNormalizeFixesIt() {
        assertFalse(UaiRule.isValid("0010001w"));
        assertEquals("0010001W", UaiRule.normalize(" 0010001w "));
        assertTrue(UaiRule.isValid(UaiRule.normalize(" 0010001w ")));
    }

    @Test
    void refusesNull() {
        assertFalse(UaiRule.isValid(null));
        assertEquals(null, UaiRule.normalize(null));
    }

    @Test
    void computesTheCheckLetter() {
        assertEquals('W', UaiRule.checkLetter(10001));
        assertEquals('A', UaiRule.checkLetter(0));
        assertEquals('Z', UaiRule.checkLetter(22));
        assertEquals('A', UaiRule.checkLetter(23));
        assertThrows(IllegalArgumentException.class, () -> UaiRule.checkLetter(10_000_000));
    }

    @Test
    void theConstraintReportsTheMessageKey() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            Establishment wrong = new Establishment("0010001A", "École test", EstablishmentKind.ECOLE, "Lyon", "Bourg");
            Set<ConstraintViolation<Establishment>> violations = validator.validate(wrong);
            assertEquals(1, violations.size());
            ConstraintViolation<Establishment> violation = violations.iterator().next();
            assertEquals("uai", violation.getPropertyPath().toString());
            assertEquals("{establishment.uai.invalid}", violation.getMessageTemplate());

            Establishment right = new Establishment("0010001W", "École test", EstablishmentKind.ECOLE, "Lyon", "Bourg");
            right.changeContact("ce.0010001w@ac-lyon.fr", "04 74 00 00 00");
            right.offerService("PIX", "https://app.pix.fr/connexion");
            assertTrue(validator.validate(right).isEmpty());

            right.changeContact("not an email", null);
            assertEquals("{establishment.contactEmail.invalid}",
                    validator.validate(right).iterator().next().getMessageTemplate());
        }
    }
}
