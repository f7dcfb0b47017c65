package fr.ent.portal.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final PersonalData NOBODY = PersonalData.none();
    private static final PersonalData ZOE = new PersonalData("zoe.lefevre", "Zoé", "Lefèvre");

    private static List<String> keys(String password, PersonalData data) {
        return POLICY.check(password, data).stream().map(RuleViolation::key).toList();
    }

    @Test
    void minimumLengthIsEightCodePoints() {
        assertEquals(List.of("password.rule.length"), keys("Ab1-xyz", NOBODY)); // 7
        assertEquals(List.of(), keys("Ab1-xyzw", NOBODY)); // 8
        assertEquals(List.of(new RuleViolation("password.rule.length", 8)), POLICY.check("Ab1-xyz", NOBODY));
        // 7 code points but 8 UTF-16 units: still too short
        assertEquals(List.of("password.rule.length"), keys("Ab1-xy😀", NOBODY));
        assertEquals(List.of(), keys("Ab1-xyz😀", NOBODY));
    }

    @Test
    void maximumLengthIs128CodePoints() {
        String base = "Aa1-";
        String p128 = base.repeat(32);
        assertEquals(128, p128.length());
        assertEquals(List.of(), keys(p128, NOBODY));
        assertEquals(List.of(new RuleViolation("password.rule.max", 128)), POLICY.check(p128 + "x", NOBODY));
        // 128 emoji and letters: 128 code points, 192 UTF-16 units
        String emoji = "Aa😀".repeat(42) + "Bb";
        assertEquals(128, emoji.codePointCount(0, emoji.length()));
        assertEquals(List.of(), keys(emoji, NOBODY));
        assertEquals(List.of("password.rule.max"), keys(emoji + "😀", NOBODY));
    }

    @Test
    void threeOfTheFourClasses() {
        assertEquals(List.of(new RuleViolation("password.rule.classes", 3, 4)), POLICY.check("qkvzrtwP", NOBODY));
        assertEquals(List.of("password.rule.classes"), keys("qkvzrt42", NOBODY));
        assertEquals(List.of("password.rule.classes"), keys("QKVZRT!!", NOBODY));
        assertEquals(List.of("password.rule.classes"), keys("12345$%&", NOBODY));
        assertEquals(List.of(), keys("qkvzrT42", NOBODY)); // lower upper digit
        assertEquals(List.of(), keys("qkvzrt4!", NOBODY)); // lower digit special
        assertEquals(List.of(), keys("QKVZRT4 ", NOBODY)); // upper digit special (space)
        assertEquals(List.of(), keys("qkvzrT!?", NOBODY)); // lower upper special
        assertEquals(List.of(), keys("qkvzT4!?", NOBODY)); // all four
    }

    @Test
    void classificationOfFrenchAndSpecialCharacters() {
        assertEquals(CharacterClass.LOWER, CharacterClass.of('é'));
        assertEquals(CharacterClass.LOWER, CharacterClass.of('µ'));
        assertEquals(CharacterClass.LOWER, CharacterClass.of('œ'));
        assertEquals(CharacterClass.UPPER, CharacterClass.of('É'));
        assertEquals(CharacterClass.DIGIT, CharacterClass.of('7'));
        for (char special : " €'\"<>&ª°§".toCharArray()) {
            assertEquals(CharacterClass.SPECIAL, CharacterClass.of(special), String.valueOf(special));
        }
        // é and µ are lower-case, so these have only 2 classes
        assertEquals(List.of("password.rule.classes"), keys("éééµµµàç", NOBODY));
        assertEquals(List.of("password.rule.classes"), keys("ÉÉÉÀÀÀ€€", NOBODY));
        assertEquals(List.of(), keys("ÉÉÉàààµ€", NOBODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Crème brûlée 4ever", "Prix: 12€ µg", "«Guillemets» 'simples' \"doubles\"", "<script>alert(1)</script>",
        "Tab\tet espace 9", "Ça coûte 3 €", "Ωmega-Ünïcødé 7", "emoji 😀 Sourire 1", "  espaces  Autour9  "})
    void acceptedPasswordsRoundTripThroughTheHash(String password) {
        assertEquals(List.of(), POLICY.check(password, ZOE), password);
        PasswordHashing hashing = new PasswordHashing(19456, 2, 1, 1);
        String phc = hashing.hash(password.toCharArray());
        assertTrue(hashing.verify(phc, password.toCharArray()));
        assertFalse(hashing.verify(phc, (password + "x").toCharArray()));
        assertFalse(hashing.verify(phc, password.substring(1).toCharArray()));
    }

    @Test
    void exactly128CharactersRoundTripThroughTheHash() {
        String password = "Éé€µ<>'\" 1".repeat(13).substring(0, 128);
        assertEquals(128, password.codePointCount(0, password.length()));
        assertEquals(List.of(), POLICY.check(password, ZOE));
        PasswordHashing hashing = new PasswordHashing(19456, 2, 1, 1);
        String phc = hashing.hash(password.toCharArray());
        assertTrue(hashing.verify(phc, password.toCharArray()));
        assertFalse(hashing.verify(phc, password.replace('µ', 'u').toCharArray()));
    }

    @Test
    void personalDataIgnoringCaseAccentsAndSeparators() {
        assertEquals(List.of(new RuleViolation("password.rule.personal")), POLICY.check("ZOE-2024-xyz!", ZOE));
        assertEquals(List.of("password.rule.personal"), keys("mon-LEFEVRE-9", ZOE));
        assertEquals(List.of("password.rule.personal"), keys("Lefèvre#2024", ZOE));
        assertEquals(List.of("password.rule.personal"), keys("x!Zoe.Lefevre9", ZOE));
        PersonalData compound = new PersonalData("jp.le-goff", "Jean-Pierre", "Le Goff");
        assertEquals(List.of("password.rule.personal"), keys("Pierre!2024x", compound));
        assertEquals(List.of("password.rule.personal"), keys("9JeanPierre!", compound));
        assertEquals(List.of("password.rule.personal"), keys("G-O-F-F-1234a", compound));
        // "Le" and "jp" are shorter than 3 characters: ignored
        assertEquals(List.of(), keys("Le-Jp-Rocher-42", compound));
        // a short first name is ignored; other data still count
        PersonalData short_ = new PersonalData("lé123", "Lé", "Wu");
        assertEquals(List.of(), keys("Lé-Wu-Forêt-42", short_));
        assertEquals(List.of("password.rule.personal"), keys("xLE123-Forêt", short_));
        assertEquals(List.of(), keys("ZOE-2024-xyz!", NOBODY));
        assertEquals(List.of(), keys("ZOE-2024-xyz!", null));
    }

    @Test
    void theBlocklistHasAtLeastTenThousandEntriesWithFrenchOnes() throws Exception {
        Set<String> list;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CommonPasswordRule.RESOURCE)) {
            list = CommonPasswordRule.read(in);
        }
        assertTrue(list.size() >= 10_000, "size " + list.size());
        for (String french : List.of("azerty", "motdepasse", "soleil", "doudou", "marseille", "chouchou", "loulou", "jetaime")) {
            assertTrue(list.contains(french), french);
        }
        assertTrue(list.stream().allMatch(e -> e.equals(e.toLowerCase(java.util.Locale.ROOT)) && !e.isBlank()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Azerty123", "AZERTY123!", "MotDePasse1!", "Motdepasse2024", "Marseille13!",
        "Soleil#2024", "P@ssw0rd", "Chouchou.1", "Azertyuiop1", "Password1!"})
    void commonPasswordsAndTheirDigitSuffixedFormsAreRefused(String password) {
        assertTrue(keys(password, NOBODY).contains("password.rule.common"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Soleil-de-Brest-42", "1Azerty-Rouge", "Tr0ub4dor&3x", "Doudou est 1 chat"})
    void longerPhrasesAroundCommonWordsAreAccepted(String password) {
        assertEquals(List.of(), keys(password, NOBODY), password);
    }

    @Test
    void everyViolationAtOnceInThePolicysOrder() {
        PersonalData data = new PersonalData("azerty", null, null);
        assertEquals(List.of("password.rule.length", "password.rule.classes", "password.rule.personal",
                "password.rule.common"), keys("azerty", data));
        assertEquals(List.of("password.rule.length", "password.rule.classes"), keys(null, NOBODY));
    }

    @Test
    void checklistGivesEveryRuleWithItsState() {
        List<ChecklistItem> items = POLICY.checklist("azerty", ZOE);
        assertEquals(List.of("password.rule.length", "password.rule.classes", "password.rule.max",
                "password.rule.personal", "password.rule.common"), items.stream().map(ChecklistItem::key).toList());
        assertEquals(new ChecklistItem("password.rule.length", List.of(8), false, true), items.get(0));
        assertEquals(new ChecklistItem("password.rule.classes", List.of(3, 4), false, true), items.get(1));
        assertTrue(items.get(2).satisfied());
        assertTrue(items.get(3).satisfied());
        assertEquals(new ChecklistItem("password.rule.common", List.of(), false, false), items.get(4));
        assertTrue(POLICY.checklist("Forêt-Noire-42", ZOE).stream().allMatch(ChecklistItem::satisfied));
        assertFalse(POLICY.checklist(null, null).get(0).satisfied());
    }
}
