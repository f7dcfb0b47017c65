package fr.ent.portal.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.ent.portal.account.control.IdentifierRule;
import fr.ent.portal.account.entity.Account;
import fr.ent.portal.hostile.HostileCorpus;
import fr.ent.portal.platform.BusinessException;

/**
 * Issue 10: what a person types as an identifier is normalised without failing, to a bounded key (memory of the
 * sign-in holds), and only plain ASCII identifier shapes ever reach a database query.
 */
class IdentifierHostileInputTest {

    @Property(tries = 500)
    void theKeyOfAnyTypedIdentifierIsBoundedAndLowerCase(@ForAll("typed") String typed) {
        String key = SignIn.identifierKey(typed);
        assertTrue(key.length() <= SignIn.MAX_IDENTIFIER);
        assertEquals(key, SignIn.identifierKey(typed), "the same key each time (one hold per typed identifier)");
        assertEquals(key, key.toLowerCase(java.util.Locale.ROOT));
    }

    @Property(tries = 500)
    void onlyPlainAsciiShapesReachTheDatabase(@ForAll("typed") String typed) {
        String key = SignIn.identifierKey(typed);
        if (SignIn.IDENTIFIER_SHAPE.matcher(key).matches() || Account.LEGACY_IDENTIFIER_SHAPE.matcher(key).matches()) {
            assertTrue(key.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || ".@_-".indexOf(c) >= 0),
                    "a looked-up identifier is plain ASCII: " + key);
        }
    }

    @Property(tries = 300)
    void identifiersMadeFromHostileNamesArePlainOrRefused(@ForAll("typed") String first, @ForAll("typed") String last) {
        try {
            String base = IdentifierRule.base(first, last);
            assertTrue(base.matches("[a-z]\\.[a-z]{1,50}"), base);
            assertTrue(SignIn.IDENTIFIER_SHAPE.matcher(IdentifierRule.next(base, java.util.List.of(first, last, base + "7")))
                    .matches());
        } catch (BusinessException refused) {
            assertEquals("account.name.invalid", refused.key());
        }
    }

    @Provide
    Arbitrary<String> typed() {
        return HostileCorpus.strings().injectNull(0.02);
    }
}
