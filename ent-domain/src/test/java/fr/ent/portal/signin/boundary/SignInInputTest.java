package fr.ent.portal.signin.boundary;

import fr.ent.portal.mail.entity.EmailShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What typed input may reach the database at all. */
class SignInInputTest {

    @Test
    void identifiersAreComparedTrimmedLowerCaseAndBounded() {
        assertEquals("s.bernard1", SignIn.identifierKey("  S.Bernard1 "));
        assertEquals("", SignIn.identifierKey(null));
        assertEquals(SignIn.MAX_IDENTIFIER, SignIn.identifierKey("x".repeat(10_000)).length());
    }

    @Test
    void onlyIdentifierShapedKeysAreLookedUp() {
        assertTrue(SignIn.IDENTIFIER_SHAPE.matcher("j.dupont10").matches());
        assertFalse(SignIn.IDENTIFIER_SHAPE.matcher("j.dupont\u0000").matches(), "a NUL byte never reaches PostgreSQL");
        assertFalse(SignIn.IDENTIFIER_SHAPE.matcher("' or 1=1 --").matches());
        assertFalse(SignIn.IDENTIFIER_SHAPE.matcher("s.bernard@example.org").matches());
    }

    @Test
    void oldLoginsOfThePreviousEntHaveABoundedShape() {
        var shape = fr.ent.portal.account.entity.Account.LEGACY_IDENTIFIER_SHAPE;
        assertTrue(shape.matcher("kdupuis").matches());
        assertTrue(shape.matcher("dupont10").matches());
        assertTrue(shape.matcher("jean.dupont@ent-ancien").matches());
        assertFalse(shape.matcher("kdupuis\u0000").matches(), "a NUL byte never reaches PostgreSQL");
        assertFalse(shape.matcher("' or 1=1 --").matches());
        assertFalse(shape.matcher("x".repeat(65)).matches());
    }

    @Test
    void recoveryEmailsOfARealisticShapeOnly() {
        assertTrue(EmailShape.PATTERN.matcher("c.durand@example.org").matches());
        assertTrue(EmailShape.PATTERN.matcher("prenom.nom+ent@ac-creteil.fr").matches());
        assertFalse(EmailShape.PATTERN.matcher("a\u0000b@example.org").matches(), "no control characters");
        assertFalse(EmailShape.PATTERN.matcher("<script>@example.org").matches());
        assertFalse(EmailShape.PATTERN.matcher("nobody@localhost").matches(), "a domain with a dot");
        assertFalse(EmailShape.PATTERN.matcher("a@b@example.org").matches());
    }
}
