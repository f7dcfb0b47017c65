package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.ent.portal.hostile.HostileCorpus;

/**
 * Issue 10: the password policy, provisional codes and mailed tokens take anything typed or pasted without failing:
 * the policy's verdict is the same each time and agrees with its checklist, a code normalises to one stable form, and
 * only the exact shape of a token we issue is ever looked up.
 */
class CredentialHostileInputTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @Property(tries = 400)
    void thePolicyNeverThrowsAndItsVerdictIsStable(@ForAll("texts") String password, @ForAll("texts") String identifier,
                                                   @ForAll("texts") String firstName) {
        PersonalData data = new PersonalData(identifier, firstName, null);
        List<RuleViolation> first = POLICY.check(password, data);
        assertEquals(first, POLICY.check(password, data), "same verdict twice");
        List<ChecklistItem> checklist = POLICY.checklist(password, data);
        assertEquals(first.isEmpty(), checklist.stream().allMatch(ChecklistItem::satisfied),
                "the checklist agrees with the verdict");
        if (first.isEmpty()) {
            assertTrue(password.length() >= PasswordPolicy.MIN_LENGTH && password.length() <= PasswordPolicy.MAX_LENGTH);
        }
    }

    @Property(tries = 400)
    void aTypedCodeNormalisesToOneStableForm(@ForAll("texts") String typed) {
        String normalized = ProvisionalCodes.normalize(typed);
        assertEquals(normalized, ProvisionalCodes.normalize(normalized));
        assertTrue(normalized.codePoints().noneMatch(c -> Character.isWhitespace(c) || c == '-'), normalized);
    }

    @Property(tries = 400)
    void onlyTheShapeOfOurTokensIsLookedUp(@ForAll("texts") String typed) {
        if (Tokens.wellFormed(typed)) {
            assertTrue(typed.matches("[A-Za-z0-9_-]{40,64}"), typed);
        }
        assertEquals(64, Tokens.hash(typed).length(), "hashing never fails");
        assertFalse(Tokens.wellFormed(typed + "\u0000"));
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileCorpus.strings();
    }
}
