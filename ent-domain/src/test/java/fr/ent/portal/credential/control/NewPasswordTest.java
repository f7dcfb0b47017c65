package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.ent.portal.platform.InvalidInputException.FieldError;

class NewPasswordTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy(List.of(new MinimumLengthRule(8)));
    private static final PersonalData ZOE = new PersonalData("zoe.lefevre", "Zoé", "Lefèvre");

    @Test
    void anAcceptedPasswordTypedTwiceIsNotRefused() {
        assertEquals(List.of(), NewPassword.errors(POLICY, "Ab1-xyzw".toCharArray(), "Ab1-xyzw".toCharArray(), ZOE));
    }

    @Test
    void policyRefusalsGoOnThePasswordFieldWithTheirParameters() {
        assertEquals(List.of(new FieldError("password", "password.rule.length", List.of(8))),
                NewPassword.errors(POLICY, "short".toCharArray(), "short".toCharArray(), ZOE));
    }

    @Test
    void aMismatchGoesOnTheConfirmationFieldAfterThePolicy() {
        assertEquals(List.of(new FieldError("password", "password.rule.length", List.of(8)),
                new FieldError("confirmation", "first_connection.error.confirmation_mismatch")),
                NewPassword.errors(POLICY, "short".toCharArray(), "shorT".toCharArray(), ZOE));
        assertEquals(List.of(new FieldError("confirmation", "first_connection.error.confirmation_mismatch")),
                NewPassword.errors(POLICY, "Ab1-xyzw".toCharArray(), new char[0], ZOE));
    }

    @Test
    void theShippedPolicyRunsItsPersonalDataRule() {
        List<String> keys = NewPassword.errors(new PasswordPolicy(), "Zoe.lefevre-2026".toCharArray(),
                "Zoe.lefevre-2026".toCharArray(), ZOE).stream().map(FieldError::key).toList();
        assertEquals(List.of("password.rule.personal"), keys);
    }

    @Test
    void nothingTypedIsAnEmptyPassword() {
        assertEquals(List.of(new FieldError("password", "password.rule.length", List.of(8))),
                NewPassword.errors(POLICY, null, null, ZOE));
    }

    @Test
    void theArraysAreLeftForTheCallerToWipe() {
        char[] password = "Ab1-xyzw".toCharArray();
        NewPassword.errors(POLICY, password, password.clone(), ZOE);
        assertEquals("Ab1-xyzw", new String(password));
    }
}
