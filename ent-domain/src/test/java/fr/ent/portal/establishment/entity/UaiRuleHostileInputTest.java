package fr.ent.portal.establishment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import fr.ent.portal.establishment.control.EstablishmentDraft;
import fr.ent.portal.hostile.HostileCorpus;
import fr.ent.portal.mail.entity.EmailShape;

/**
 * Issue 10: UAI codes and e-mail addresses typed in forms or read from files: checking any text never throws, and
 * what is accepted has the plain shape (no control character, no markup, no quote), so it can be stored on
 * PostgreSQL and shown or put in a mail header without surprise.
 */
class UaiRuleHostileInputTest {

    @Property(tries = 500)
    void onlyWellFormedUaiCodesPass(@ForAll("texts") String typed) {
        String uai = UaiRule.normalize(typed);
        if (UaiRule.isValid(uai)) {
            assertTrue(uai.matches("[0-9]{7}[A-Z]"), uai);
            assertEquals(UaiRule.checkLetter(Integer.parseInt(uai.substring(0, 7))), uai.charAt(7));
        }
    }

    @Property(tries = 1000)
    void anAcceptedEmailHasAPlainShape(@ForAll("emails") String typed) {
        if (EmailShape.PATTERN.matcher(typed).matches()) {
            assertPlainEmail(typed);
        }
        EstablishmentDraft draft = new EstablishmentDraft("0010001W", "Lycée", null, "Créteil", "Melun", typed, null);
        if (draft.errors().stream().noneMatch(e -> e.field().equals("contactEmail")) && draft.contactEmail() != null) {
            assertPlainEmail(draft.contactEmail());
        }
    }

    private static void assertPlainEmail(String email) {
        assertTrue(email.length() <= 254 && email.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.isWhitespace(c) || "<>\"'\\".indexOf(c) >= 0), "accepted: " + email);
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileCorpus.strings().injectNull(0.02);
    }

    @Provide
    Arbitrary<String> emails() {
        Arbitrary<String> local = Arbitraries.oneOf(HostileCorpus.strings().map(s -> s.length() > 30 ? s.substring(0, 30) : s),
                Arbitraries.of("jean.dupont", "a", "x+tag"));
        return net.jqwik.api.Combinators.combine(local, Arbitraries.of("@example.org", "@ac-creteil.fr", "@"),
                Arbitraries.oneOf(Arbitraries.just(""), HostileCorpus.strings()))
                .as((l, at, tail) -> l + at + tail);
    }
}
